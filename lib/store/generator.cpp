// SPDX-License-Identifier: MIT
#include "generator.h"

#include "kb/knowledgebase.h"
#include "query/searchtext.h"
#include "store/annotation.h"
#include "store/library.h"

#include <QRandomGenerator>
#include <QTimeZone>

#include <cmath>

namespace Lede {

using namespace Qt::StringLiterals;

namespace {

enum class Language { English, Chinese, Japanese };

// Entities that the news names most, first; the rest of each kind is drawn from evenly.
const QStringList popularCompanies = {u"company/nvidia"_s, u"company/huawei"_s, u"company/tsmc"_s, u"company/amd"_s,
    u"company/intel"_s, u"company/smic"_s, u"company/samsung-electronics"_s, u"company/sk-hynix"_s, u"company/asml"_s,
    u"company/alibaba"_s, u"company/baidu"_s, u"company/tencent"_s, u"company/bytedance"_s, u"company/cambricon"_s,
    u"company/google"_s, u"company/microsoft"_s, u"company/amazon"_s, u"company/meta"_s, u"company/openai"_s,
    u"company/deepseek"_s, u"company/apple"_s, u"company/qualcomm"_s, u"company/broadcom"_s, u"company/micron"_s};
const QStringList popularChips = {u"chip/nvidia-h20"_s, u"chip/nvidia-h100"_s, u"chip/nvidia-h200"_s,
    u"chip/nvidia-b200"_s, u"chip/nvidia-a100"_s, u"chip/huawei-ascend-910b"_s, u"chip/huawei-ascend-910c"_s,
    u"chip/amd-mi300x"_s, u"chip/intel-gaudi-3"_s, u"chip/google-tpu"_s, u"chip/baidu-kunlun"_s, u"chip/nvidia-gb200"_s,
    u"chip/nvidia-h800"_s, u"chip/huawei-ascend-920"_s};
const QStringList popularRegions = {u"region/cn"_s, u"region/us"_s, u"region/tw"_s, u"region/jp"_s, u"region/kr"_s,
    u"region/my"_s, u"region/sg"_s, u"region/nl"_s, u"region/vn"_s, u"region/in"_s, u"region/de"_s, u"region/eu"_s,
    u"region/johor"_s, u"region/penang"_s, u"region/shenzhen"_s, u"region/shanghai"_s, u"region/beijing"_s,
    u"region/hsinchu"_s, u"region/southeast-asia"_s, u"region/asean"_s};

const QStringList outlets = {u"Reuters"_s, u"Bloomberg"_s, u"Financial Times"_s, u"Nikkei Asia"_s,
    u"South China Morning Post"_s, u"DigiTimes"_s, u"The Information"_s, u"The Register"_s, u"Tom's Hardware"_s,
    u"The Wall Street Journal"_s, u"Caixin"_s, u"EE Times"_s};
const QStringList chineseOutlets = {u"财新"_s, u"第一财经"_s, u"36氪"_s, u"South China Morning Post"_s};
const QStringList japaneseOutlets = {u"日本経済新聞"_s, u"Nikkei Asia"_s, u"ITmedia"_s};
const QStringList tagPool = {u"chips"_s, u"export controls"_s, u"ai"_s, u"supply chain"_s, u"earnings"_s, u"policy"_s,
    u"data centres"_s, u"manufacturing"_s};

// Sentences: {C} a company, {P} a chip, {R} a region; the rest is ordinary news prose.
const QStringList englishSentences = {
    u"{C} said on Tuesday it would ship {P} accelerators to customers in {R} from the next quarter."_s,
    u"Analysts in {R} expect demand for {P} to outrun supply well into next year."_s,
    u"The Commerce Department told {C} that sales of {P} to {R} now need a licence."_s,
    u"{C} declined to comment on reports that it had stockpiled {P} chips ahead of the rules."_s,
    u"Shares of {C} fell 4 per cent in early trading after the announcement."_s,
    u"Executives at {C} said the company was building a new packaging plant in {R}."_s,
    u"Data-centre operators in {R} have been buying {P} through resellers, people familiar with the matter said."_s,
    u"{C} and {C} are in talks about a joint venture that would supply memory for {P}."_s,
    u"Officials in {R} said the subsidy programme would favour firms that design chips locally."_s,
    u"The shortage of advanced packaging capacity has slowed deliveries of {P}, according to {C}."_s,
    u"Customs records show shipments of servers from {R} to {R} rose sharply in the spring."_s,
    u"{C} reported quarterly revenue above expectations, driven by sales of {P}."_s,
    u"Engineers compared {P} with {P} on training and inference workloads."_s,
    u"Lawmakers in {R} called for tighter export controls on equipment sold to {C}."_s,
    u"A spokesperson for {C} said the company complies with all applicable laws in {R}."_s,
    u"Smuggling networks routed the chips through {R} before they reached buyers in {R}."_s,
    u"The foundry's yields at the newest node remain a concern for investors."_s,
    u"Cloud providers are renting out capacity by the hour to startups that cannot buy hardware outright."_s,
    u"Prices for high-bandwidth memory have risen for six consecutive months."_s,
    u"The ministry is expected to publish its guidance on procurement before the end of the year."_s,
    u"Several start-ups said they had switched their models to run on domestic hardware."_s,
    u"Power constraints, not chips, are now the main limit on new data centres, the report said."_s,
};
const QStringList chineseSentences = {
    u"{C}周二表示，将从下季度起向{R}的客户供应{P}加速器。"_s,
    u"{R}的分析师预计，{P}的需求将在明年继续超过供应。"_s,
    u"美国商务部通知{C}，向{R}出售{P}需要获得许可证。"_s,
    u"{C}拒绝就其在新规出台前囤积{P}芯片的报道置评。"_s,
    u"{C}股价在消息公布后早盘下跌百分之四。"_s,
    u"{C}高管表示，公司正在{R}建设新的先进封装工厂。"_s,
    u"知情人士称，{R}的数据中心运营商一直通过经销商采购{P}。"_s,
    u"{R}官员表示，补贴计划将优先支持本土芯片设计企业。"_s,
    u"多家初创公司表示，已将模型迁移到国产芯片上运行。"_s,
    u"高带宽内存价格已连续六个月上涨。"_s,
};
const QStringList japaneseSentences = {
    u"{C}は火曜日、来期から{R}の顧客向けに{P}の出荷を始めると発表した。"_s,
    u"{R}のアナリストは、{P}の需要が来年も供給を上回ると予想している。"_s,
    u"米商務省は{C}に対し、{R}への{P}の販売には許可が必要だと通知した。"_s,
    u"{C}の株価は発表後、朝の取引で4％下落した。"_s,
    u"{C}の幹部は、{R}に新しい先端パッケージング工場を建設していると述べた。"_s,
    u"高帯域幅メモリの価格は6カ月連続で上昇している。"_s,
    u"輸出規制の強化を受けて、国内の半導体メーカーは増産を急いでいる。"_s,
};
const QStringList englishHeadlines = {u"{C} to ship {P} to {R} as rules tighten"_s, u"{R} buyers scramble for {P}"_s,
    u"{C} shares slide on export curbs"_s, u"Inside the race for {P} in {R}"_s, u"{C} bets on {R} for new chip plant"_s,
    u"Why {P} still matters to {C}"_s};
const QStringList chineseHeadlines = {u"{C}将向{R}供应{P}"_s, u"{R}买家争购{P}"_s, u"出口管制收紧，{C}股价下跌"_s};
const QStringList japaneseHeadlines = {u"{C}、{R}向けに{P}を出荷へ"_s, u"{R}で{P}の争奪戦"_s};

// Ordinary prose between the templated sentences, its words drawn so that a few are common and
// most are rare, as in real text (a word of the long tail is in few articles).
const QStringList nouns = QStringLiteral(
    "market demand supply company government ministry official analyst investor customer factory plant "
    "capacity price revenue profit margin order shipment contract deal talks plan strategy report survey "
    "forecast quarter year month week budget subsidy tariff sanction licence rule regulation policy law "
    "court lawsuit patent engineer researcher startup partner rival competitor supplier vendor buyer "
    "server cluster network memory wafer node process yield package substrate laser lithography tool "
    "equipment software model training inference workload cloud datacentre grid power electricity water "
    "cooling land permit port border customs shipment smuggler broker reseller distributor inventory "
    "stockpile backlog shortage glut outlook guidance dividend buyback valuation bond loan fund stake "
    "merger acquisition spinoff listing exchange index benchmark chairman founder executive spokesperson "
    "union worker talent visa university laboratory institute agency regulator parliament senate committee "
    "hearing testimony filing disclosure audit probe investigation fine penalty waiver exemption quota "
    "roadmap prototype sample benchmark performance efficiency bandwidth latency throughput architecture "
    "interconnect chiplet foundry fab assembly testing packaging ecosystem standard protocol consortium "
    "alliance summit visit delegation embassy minister premier president governor mayor province harbour")
                              .split(u' ');
const QStringList adjectives = QStringLiteral(
    "new large small major minor strong weak rising falling domestic foreign global regional local "
    "advanced mature leading lagging early late previous next recent annual quarterly monthly key main "
    "critical strategic commercial military civilian public private listed unlisted state-owned "
    "independent joint exclusive preliminary final official unofficial detailed broad narrow sharp "
    "modest steady volatile cautious aggressive ambitious delayed accelerated expanded reduced tighter "
    "looser stricter unexpected expected disputed confidential classified sensitive lucrative costly cheap")
                                   .split(u' ');
const QStringList verbs = QStringLiteral(
    "raised cut delayed approved rejected announced confirmed denied expanded reduced signed cancelled "
    "reviewed challenged welcomed criticised questioned supported blocked cleared extended suspended "
    "resumed doubled halved tripled revised lowered lifted eased tightened imposed lifted scrapped "
    "unveiled launched tested shipped ordered secured lost won bought sold leased built opened closed")
                              .split(u' ');
const QStringList links = {u"for"_s, u"in"_s, u"after"_s, u"despite"_s, u"amid"_s, u"ahead of"_s, u"with"_s,
    u"against"_s, u"over"_s, u"under"_s};

bool hasCjk(QStringView s)
{
    for (QChar c : s) {
        if (Query::isCjk(c.unicode()))
            return true;
    }
    return false;
}

bool hasKana(QStringView s)
{
    for (QChar c : s) {
        if (c.script() == QChar::Script_Hiragana || c.script() == QChar::Script_Katakana)
            return true;
    }
    return false;
}

} // namespace

struct LibraryGenerator::Private
{
    const KnowledgeBase &kb;
    QRandomGenerator rng;
    QList<const Entity *> companies, chips, regions;
    QList<const Entity *> popular[3];
    QList<Article> recent; // for reprints
    qint64 made = 0;

    Private(const KnowledgeBase &base, quint64 seed) : kb(base), rng(quint32(seed ^ (seed >> 32)))
    {
        for (const Entity &e : kb.entities()) {
            if (e.kind == EntityKind::Company)
                companies.append(&e);
            else if (e.kind == EntityKind::Chip)
                chips.append(&e);
            else if (e.kind == EntityKind::Region)
                regions.append(&e);
        }
        const QStringList *lists[3] = {&popularCompanies, &popularChips, &popularRegions};
        for (int k = 0; k < 3; ++k) {
            for (const QString &id : *lists[k]) {
                if (const Entity *e = kb.entity(id))
                    popular[k].append(e);
            }
        }
    }

    int below(int n) { return n > 0 ? int(rng.bounded(quint32(n))) : 0; }
    // Zipf-like: the first entries often, the last ones rarely.
    const QString &skewed(const QStringList &list)
    {
        const int i = int(std::pow(rng.generateDouble(), 2.5) * double(list.size()));
        return list.at(std::min(i, int(list.size()) - 1));
    }
    QString prose()
    {
        QString out = u"The "_s + skewed(adjectives) + u' ' + skewed(nouns) + u' ' + skewed(verbs) + u" the "_s
            + skewed(adjectives) + u' ' + skewed(nouns) + u' ' + pick(links) + u" the "_s + skewed(nouns);
        if (chance(0.5))
            out += u" and the "_s + skewed(nouns) + u' ' + skewed(nouns);
        return out + u'.';
    }
    bool chance(double p) { return rng.generateDouble() < p; }
    template <typename T> const T &pick(const QList<T> &list) { return list.at(below(int(list.size()))); }

    const Entity *entity(int kind)
    {
        const QList<const Entity *> &all = kind == 0 ? companies : kind == 1 ? chips : regions;
        if (!popular[kind].isEmpty() && chance(0.75)) {
            // Zipf-like: the first of the popular list is named most.
            const double u = rng.generateDouble();
            const int i = int(std::pow(u, 2.2) * double(popular[kind].size()));
            return popular[kind].at(std::min(i, int(popular[kind].size()) - 1));
        }
        return all.isEmpty() ? nullptr : pick(all);
    }

    QString surface(const Entity &e, Language lang)
    {
        if (lang != Language::English) {
            QStringList options;
            for (const Alias &a : e.aliases) {
                if (hasCjk(a.text) && (lang == Language::Japanese ? true : !hasKana(a.text)))
                    options.append(a.text);
            }
            if (lang == Language::Japanese) {
                QStringList kana;
                for (const QString &o : std::as_const(options)) {
                    if (hasKana(o))
                        kana.append(o);
                }
                if (!kana.isEmpty())
                    options = kana;
            }
            if (!options.isEmpty())
                return pick(options);
        }
        return e.name;
    }

    // Fills a template, appending to `text` and recording where each name went.
    void fill(const QString &pattern, Language lang, const QList<const Entity *> &cast, QString &text,
        QList<EntityMention> &mentions)
    {
        qsizetype i = 0;
        while (i < pattern.size()) {
            if (pattern.at(i) == u'{' && i + 2 < pattern.size() && pattern.at(i + 2) == u'}') {
                const QChar slot = pattern.at(i + 1);
                const int kind = slot == u'C' ? 0 : slot == u'P' ? 1 : 2;
                // Mostly the article's own cast; sometimes someone else.
                const Entity *e = nullptr;
                if (!cast.isEmpty() && chance(0.8)) {
                    QList<const Entity *> ofKind;
                    for (const Entity *c : cast) {
                        if (int(c->kind) == kind)
                            ofKind.append(c);
                    }
                    if (!ofKind.isEmpty())
                        e = pick(ofKind);
                }
                if (!e)
                    e = entity(kind);
                if (e) {
                    const QString name = surface(*e, lang);
                    mentions.append(EntityMention{e->id, text.size(), text.size() + name.size(), name});
                    text += name;
                }
                i += 3;
                continue;
            }
            text += pattern.at(i++);
        }
    }

    Article make()
    {
        Article a;
        const double l = rng.generateDouble();
        const Language lang = l < 0.88 ? Language::English : l < 0.96 ? Language::Chinese : Language::Japanese;
        const QStringList &sentences = lang == Language::English ? englishSentences
            : lang == Language::Chinese                          ? chineseSentences
                                                                 : japaneseSentences;
        const QStringList &headlines = lang == Language::English ? englishHeadlines
            : lang == Language::Chinese                          ? chineseHeadlines
                                                                 : japaneseHeadlines;
        QList<const Entity *> cast;
        for (int k = 0; k < 3; ++k) {
            const int n = 1 + below(k == 2 ? 3 : 2);
            for (int j = 0; j < n; ++j) {
                if (const Entity *e = entity(k))
                    cast.append(e);
            }
        }
        QList<EntityMention> titleMentions;
        fill(pick(headlines), lang, cast, a.title, titleMentions);

        const int paragraphs = 3 + below(6);
        for (int p = 0; p < paragraphs; ++p) {
            if (p > 0)
                a.text += u"\n\n"_s;
            a.blocks.append(TextBlock{});
            const int count = 2 + below(3);
            for (int s = 0; s < count; ++s) {
                if (s > 0 && lang == Language::English)
                    a.text += u' ';
                if (lang == Language::English && s > 0 && chance(0.6))
                    a.text += prose();
                else
                    fill(pick(sentences), lang, cast, a.text, a.entities);
            }
        }
        a.language = lang == Language::English ? u"en"_s : lang == Language::Chinese ? u"zh-Hans"_s : u"ja"_s;
        a.outlet = pick(lang == Language::English ? outlets
                : lang == Language::Chinese       ? chineseOutlets
                                                  : japaneseOutlets);
        a.format = SourceFormat::Html;
        a.sourcePath = u"generated/%1.html"_s.arg(made + 1);
        a.url = u"https://news.invalid/%1"_s.arg(made + 1);
        if (!chance(0.02)) {
            const QDate day = QDate(2023, 1, 1).addDays(below(3 * 365));
            if (chance(0.4)) {
                a.published = QDateTime(day, QTime(below(24), below(60)), QTimeZone::fromSecondsAheadOfUtc(0));
                a.publishedHasTime = true;
            } else {
                a.published = QDateTime(day, QTime(0, 0), QTimeZone::UTC);
            }
        }
        const int tags = below(3);
        for (int t = 0; t < tags; ++t) {
            const QString tag = pick(tagPool);
            if (!a.tags.contains(tag))
                a.tags.append(tag);
        }
        return a;
    }
};

LibraryGenerator::LibraryGenerator(const KnowledgeBase &kb, quint64 seed) : d(std::make_unique<Private>(kb, seed))
{ }

LibraryGenerator::~LibraryGenerator() = default;

Article LibraryGenerator::next()
{
    Article a;
    // About one in thirty is a reprint of a recent story under another outlet's name.
    if (!d->recent.isEmpty() && d->chance(0.03)) {
        a = d->pick(d->recent);
        a.outlet = d->pick(outlets);
        a.text += u"\n\nThis article first appeared elsewhere and is reproduced with permission."_s;
        a.sourcePath = u"generated/%1.html"_s.arg(d->made + 1);
    } else {
        a = d->make();
    }
    if (d->recent.size() < 200)
        d->recent.append(a);
    else
        d->recent[d->below(200)] = a;
    ++d->made;
    return a;
}

std::optional<qsizetype> LibraryGenerator::generate(
    Library &library, qsizetype count, const std::function<void(qsizetype)> &progress)
{
    constexpr qsizetype batchSize = 500;
    qsizetype done = 0;
    QList<qint64> ids;
    while (done < count) {
        QList<Article> batch;
        for (qsizetype i = 0; i < std::min(batchSize, count - done); ++i)
            batch.append(next());
        const auto added = library.addArticles(batch);
        if (!added)
            return std::nullopt;
        for (const AddedArticle &x : *added) {
            if (!x.duplicate)
                ids.append(x.id);
        }
        done += batch.size();
        if (progress)
            progress(done);
    }
    const QStringList colors = annotationColors();
    for (qsizetype i = 0; i < ids.size(); ++i) {
        if (!d->chance(1.0 / 70))
            continue;
        const auto article = library.article(ids.at(i));
        if (!article || article->text.size() < 40)
            continue;
        Annotation n;
        n.articleId = ids.at(i);
        n.start = d->below(int(article->text.size() / 2));
        n.end = n.start + 20;
        n.quote = article->text.mid(n.start, 20);
        n.color = d->pick(colors);
        if (d->chance(0.4))
            n.note = u"Check this against the filing."_s;
        if (!library.addAnnotation(n))
            return std::nullopt;
    }
    return ids.size();
}

} // namespace Lede
