// SPDX-License-Identifier: MIT
#include "suggest.h"

#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <array>

namespace Lede {

using namespace Qt::StringLiterals;

namespace {

// Words a capitalised run may start with that are not part of a name: "The Acme Inc." is "Acme Inc.".
bool isLeadingStopword(QStringView word)
{
    static constexpr std::array<QStringView, 40> stop = {u"The", u"A", u"An", u"In", u"At", u"On", u"For", u"By",
        u"And", u"But", u"As", u"With", u"From", u"Of", u"Its", u"Their", u"This", u"That", u"When", u"While", u"After",
        u"Before", u"Shares", u"Rival", u"If", u"Unlike", u"Like", u"Both", u"Since", u"Under", u"About", u"Including",
        u"Among", u"Then", u"Meanwhile", u"Also", u"Said", u"According", u"Partner", u"Customer"};
    for (QStringView s : stop) {
        if (word == s)
            return true;
    }
    return false;
}

bool overlapsKnown(qsizetype start, qsizetype end, const QList<EntityMention> &known)
{
    for (const EntityMention &m : known) {
        if (m.start < end && m.end > start)
            return true;
    }
    return false;
}

bool isKnownAlias(QStringView name, const KnowledgeBase &kb)
{
    for (const Entity &e : kb.entities()) {
        for (const Alias &a : e.aliases) {
            if (a.text.size() == name.size() && QStringView(a.text).compare(name, Qt::CaseInsensitive) == 0)
                return true;
        }
    }
    return false;
}

bool isKnownTicker(QStringView ticker, const KnowledgeBase &kb)
{
    for (const Entity &e : kb.entities()) {
        for (const auto &[k, v] : e.facts) {
            if (k == u"ticker" && QStringView(v).compare(ticker, Qt::CaseInsensitive) == 0)
                return true;
        }
    }
    return false;
}

// Drops leading stopwords from a run of capitalised words; returns the new start.
qsizetype trimLeading(QStringView text, qsizetype start, qsizetype end)
{
    for (;;) {
        qsizetype space = start;
        while (space < end && !text.at(space).isSpace())
            ++space;
        if (space >= end)
            return start;
        if (!isLeadingStopword(text.mid(start, space - start)))
            return start;
        start = space;
        while (start < end && text.at(start).isSpace())
            ++start;
    }
}

bool hasChipWordNear(QStringView text, qsizetype start, qsizetype end)
{
    static constexpr std::array<QStringView, 24> words = {u"chip", u"GPU", u"accelerator", u"processor", u"Nvidia",
        u"NVIDIA", u"AMD", u"Huawei", u"Instinct", u"Ascend", u"GeForce", u"semiconductor", u"graphics", u"card",
        u"silicon", u"export", u"inference", u"Blackwell", u"芯片", u"显卡", u"晶片", u"算力", u"英伟达", u"华为"};
    const qsizetype from = std::max<qsizetype>(0, start - 150);
    const QStringView window = text.mid(from, std::min(text.size(), end + 150) - from);
    for (QStringView w : words) {
        if (window.contains(w, Qt::CaseInsensitive))
            return true;
    }
    return false;
}

// Initials of the words before a bracket, to tell an abbreviation ("Artificial Intelligence (AI)")
// from a ticker ("Robinhood Markets (HOOD)").
QString initialsBefore(QStringView text, qsizetype end, bool capitalisedOnly)
{
    QString initials;
    const QStringView before = text.mid(std::max<qsizetype>(0, end - 120), std::min<qsizetype>(end, 120));
    for (QStringView word : before.tokenize(u' ', Qt::SkipEmptyParts)) {
        for (QStringView part : word.tokenize(u'-', Qt::SkipEmptyParts)) {
            if (!part.isEmpty() && part.front().isLetter() && (!capitalisedOnly || part.front().isUpper()))
                initials.append(part.front().toUpper());
            for (qsizetype k = 1; k < part.size(); ++k) { // "PowerShell", "OpenAI": capitals inside count
                if (part.at(k).isUpper() && part.at(k - 1).isLower())
                    initials.append(part.at(k));
            }
        }
    }
    return initials;
}

// Words that follow a role word without being a name ("the company Tuesday", "startup founders").
bool isGenericWord(QStringView word)
{
    static const QSet<QString> words = {u"Monday"_s, u"Tuesday"_s, u"Wednesday"_s, u"Thursday"_s, u"Friday"_s,
        u"Saturday"_s, u"Sunday"_s, u"January"_s, u"February"_s, u"March"_s, u"April"_s, u"May"_s, u"June"_s, u"July"_s,
        u"August"_s, u"September"_s, u"October"_s, u"November"_s, u"December"_s, u"The"_s, u"A"_s, u"An"_s, u"It"_s,
        u"Its"_s, u"I"_s, u"We"_s, u"In"_s, u"On"_s, u"And"_s, u"But"_s, u"Chief"_s, u"CEO"_s, u"CFO"_s, u"President"_s,
        u"Chairman"_s, u"Founder"_s, u"Co"_s, u"Inc"_s, u"AI"_s, u"US"_s, u"U.S."_s, u"Chinese"_s, u"American"_s,
        u"European"_s, u"Japanese"_s, u"Korean"_s, u"Taiwanese"_s, u"Indian"_s, u"British"_s, u"German"_s, u"French"_s,
        u"Dutch"_s, u"Israeli"_s, u"Canadian"_s, u"Australian"_s};
    return words.contains(word.toString());
}

// A word the text also uses in lower case is a common word, not a name ("Fast Growing Companies",
// "Return On Invested Capital" in a heading).
bool usedInLowerCase(QStringView text, QStringView word)
{
    if (word.isEmpty() || !word.front().isUpper() || word.size() < 2)
        return false;
    for (qsizetype k = 1; k < word.size(); ++k) {
        if (!word.at(k).isLower())
            return false; // "SGH", "ProCredit": written as a name
    }
    const QString lower = word.toString().toLower();
    for (qsizetype at = text.indexOf(lower); at >= 0; at = text.indexOf(lower, at + 1)) {
        const bool startOk = at == 0 || !text.at(at - 1).isLetterOrNumber();
        const qsizetype end = at + lower.size();
        const bool endOk = end >= text.size() || !text.at(end).isLetterOrNumber();
        if (startOk && endOk)
            return true;
    }
    return false;
}

struct Collector
{
    QStringView text;
    const QList<EntityMention> &known;
    const KnowledgeBase &kb;
    QList<EntitySuggestion> out;
    QSet<QString> seen;

    void add(qsizetype start, qsizetype end, EntityKind kind, const QString &reason, const QString &ticker = {})
    {
        while (start < end && (text.at(start).isSpace() || text.at(start) == u','))
            ++start;
        while (end > start && (text.at(end - 1).isSpace() || text.at(end - 1) == u','))
            --end;
        if (end - start < 2 || overlapsKnown(start, end, known))
            return;
        for (const EntitySuggestion &s : out) {
            if (s.start < end && s.end > start)
                return;
        }
        const QString name = text.mid(start, end - start).toString();
        const QString key = name.toCaseFolded();
        if (seen.contains(key))
            return;
        if (isKnownAlias(name, kb) || (!ticker.isEmpty() && isKnownTicker(ticker, kb)))
            return;
        seen.insert(key);
        out.append(EntitySuggestion{name, kind, start, end, reason, ticker});
    }
};

/// A name's first word: the whole name when it is one word.
QStringView firstWord(QStringView name)
{
    const qsizetype space = name.indexOf(u' ');
    return space < 0 ? name : name.left(space);
}

/// Where a name that ends at `end` ends without a possessive: "Boral's" is "Boral".
qsizetype endBeforePossessive(QStringView text, qsizetype end)
{
    const QStringView last = text.mid(end - 2, 2);
    return (last == u"'s" || last == u"’s") ? end - 2 : end;
}

} // namespace

QList<EntitySuggestion> suggestEntities(QStringView text, const QList<EntityMention> &known, const KnowledgeBase &kb)
{
    Collector c{text, known, kb, {}, {}};
    const QString str = text.toString(); // QRegularExpression matches QString and QStringView alike

    // Names before an exchange ticker: "Bitdeer Technologies Group (NASDAQ: BTDR)".
    static const QRegularExpression tickerRe(
        uR"(((?:[A-Z][\w&'.\-]*,?\s+){0,5}?[A-Z][\w&'.\-]*)\s*[(（]\s*(NASDAQ|Nasdaq|NYSE|NYSE American|HKEX|SEHK|HKG|SSE|SZSE|TSE|TWSE|TPEx|LSE|KRX|KOSDAQ|TSX|ASX|SGX|Euronext|OTC|OTCQX|BSE|NSE|[A-Z]{2,6})\s*[:：]\s*([A-Z0-9][A-Z0-9.]{0,9}(?: [A-Z])?)\s*[)）])"_s);
    for (auto it = tickerRe.globalMatch(str); it.hasNext();) {
        const auto m = it.next();
        const qsizetype nameStart = trimLeading(text, m.capturedStart(1), m.capturedEnd(1));
        const QString ticker = m.captured(2).toUpper() + u':' + m.captured(3);
        c.add(nameStart, m.capturedEnd(1), EntityKind::Company, u"ticker"_s, ticker);
    }

    // Corporate suffixes in Latin script: "Acme Semiconductor Co., Ltd.", "Foo Technologies Inc."
    static const QRegularExpression suffixRe(
        uR"((?<![\w&])((?:[A-Z][\w&'\-]*(?:\s+|\s*&\s*)){0,4}?[A-Z][\w&'\-]*(?:\s+(?:Semiconductor|Semiconductors|Technology|Technologies|Microelectronics|Electronics|Holdings|Group|International))*)(,?\s+(?:Co\.,?\s+Ltd\.?|Co\.|Corp\.|Corporation|Inc\.|Inc\b|Incorporated|Ltd\.|Limited|LLC|plc|PLC|GmbH|AG|S\.A\.|N\.V\.|Holdings|Technologies)))"_s);
    for (auto it = suffixRe.globalMatch(str); it.hasNext();) {
        const auto m = it.next();
        const qsizetype nameStart = trimLeading(text, m.capturedStart(1), m.capturedEnd(1));
        if (nameStart >= m.capturedEnd(1))
            continue;
        c.add(nameStart, m.capturedEnd(2), EntityKind::Company, u"corporate suffix"_s);
    }

    // Names before a bare ticker in brackets: "Robinhood Markets (HOOD)", "Dutch Bros (BROS)". Not
    // an abbreviation of the words before it ("Bureau of Industry and Security (BIS)"), nor a
    // common abbreviation.
    static const QRegularExpression bareTickerRe(
        uR"(((?:[A-Z][\w&'.\-]*\s+){0,4}?[A-Z][\w&'.\-]*)\s*[(（]\s*([A-Z]{1,5}(?:\.[A-Z])?)\s*[)）])"_s);
    static const QSet<QString> notTickers = {u"AI"_s, u"US"_s, u"USA"_s, u"UK"_s, u"EU"_s, u"UN"_s, u"CEO"_s, u"CFO"_s,
        u"CTO"_s, u"COO"_s, u"GPU"_s, u"GPUs"_s, u"CPU"_s, u"NPU"_s, u"TPU"_s, u"IPO"_s, u"ETF"_s, u"GDP"_s, u"PC"_s,
        u"TV"_s, u"API"_s, u"LLM"_s, u"USD"_s, u"RMB"_s, u"FY"_s, u"EPS"_s, u"EV"_s, u"EVs"_s, u"IT"_s, u"HBM"_s,
        u"DRAM"_s, u"R"_s, u"D"_s, u"A"_s, u"B"_s, u"C"_s, u"H"_s, u"I"_s, u"II"_s, u"III"_s, u"IV"_s, u"V"_s, u"X"_s,
        u"PRC"_s, u"ROC"_s, u"HK"_s, u"SAR"_s, u"ET"_s, u"PT"_s, u"GMT"_s, u"UTC"_s, u"EST"_s, u"PST"_s, u"AM"_s,
        u"PM"_s, u"NA"_s, u"OK"_s, u"TBD"_s, u"YOY"_s, u"YTD"_s, u"TTM"_s, u"Q"_s, u"ESG"_s, u"M"_s, u"K"_s, u"PE"_s,
        u"PB"_s, u"ROE"_s, u"ROI"_s, u"NFT"_s, u"VR"_s, u"AR"_s, u"OS"_s, u"UI"_s};
    for (auto it = bareTickerRe.globalMatch(str); it.hasNext();) {
        const auto m = it.next();
        const QString ticker = m.captured(2);
        if (notTickers.contains(ticker) || initialsBefore(text, m.capturedEnd(1), false).contains(ticker)
            || initialsBefore(text, m.capturedEnd(1), true).contains(ticker))
            continue;
        const qsizetype nameStart = trimLeading(text, m.capturedStart(1), m.capturedEnd(1));
        if (nameStart >= m.capturedEnd(1) || isGenericWord(text.mid(nameStart, m.capturedEnd(1) - nameStart)))
            continue;
        if (isKnownAlias(ticker, kb))
            continue; // "(AMD)" after a name the linker missed, or an abbreviation the base knows
        c.add(nameStart, m.capturedEnd(1), EntityKind::Company, u"ticker"_s, ticker);
    }

    // Names ending in a word that makes them a business: "Wilson Bank Holding", "Accelink
    // Technologies", "Archer Aviation", "Clinuvel Pharmaceuticals". At least one name word before
    // it, not a generic one.
    static const QRegularExpression industryRe(
        uR"((?<![\w&])((?:[A-Z][\w&'\-]*(?:\s+|\s*&\s*)){1,4}?(?:Holding|Holdings|Group|Technologies|Companies|Laboratories|Pharmaceuticals|Biosciences|Therapeutics|Biotech|Capital|Corporation|Shipping|Aviation|Airlines|Markets|Electric|Electronics|Microelectronics|Semiconductors?|Networks|Foods|Brands|Entertainment|Resorts|Mining|Minerals|Cement|Motors|Industries|Enterprises|Ventures|Securities|Bancorp|Insurance|Logistics|Properties|Realty|Trading|Telecom|Communications|Robotics|Materials|Petroleum|Chemicals?|Textiles|Apparel|Solutions|Software))(?![\w&])(?!\s+(?:Index|Fund|ETF|Conference|Summit|Act|Program|Programme|Award|Awards|Report|Prize|Law)))"_s);
    static const QSet<QString> genericFirst = {u"Global"_s, u"International"_s, u"National"_s, u"Private"_s,
        u"Public"_s, u"Venture"_s, u"Working"_s, u"Trade"_s, u"Industry"_s, u"Advisory"_s, u"Research"_s,
        u"Investment"_s, u"Special"_s, u"Strategic"_s, u"Parent"_s, u"Other"_s, u"Major"_s, u"Big"_s, u"Tech"_s,
        u"Chip"_s, u"Semiconductor"_s, u"Financial"_s, u"Emerging"_s, u"Consumer"_s, u"Energy"_s, u"Media"_s,
        u"Digital"_s, u"Data"_s, u"Cloud"_s, u"Software"_s, u"Equity"_s, u"Growth"_s, u"Risk"_s, u"Human"_s,
        u"Information"_s, u"Communication"_s, u"Asian"_s, u"European"_s, u"American"_s, u"Chinese"_s, u"Japanese"_s,
        u"Korean"_s, u"Taiwanese"_s, u"Indian"_s, u"US"_s, u"U.S."_s, u"Western"_s, u"Eastern"_s, u"Capital"_s,
        u"Stock"_s, u"Local"_s, u"State"_s, u"Federal"_s, u"Central"_s};
    for (auto it = industryRe.globalMatch(str); it.hasNext();) {
        const auto m = it.next();
        const qsizetype nameStart = trimLeading(text, m.capturedStart(1), m.capturedEnd(1));
        const QStringView name = text.mid(nameStart, m.capturedEnd(1) - nameStart);
        const qsizetype firstSpace = name.indexOf(u' ');
        if (firstSpace < 0)
            continue; // the business word alone
        const QStringView first = name.left(firstSpace);
        if (genericFirst.contains(first.toString()) || isGenericWord(first) || isLeadingStopword(first)
            || usedInLowerCase(text, first))
            continue;
        c.add(nameStart, m.capturedEnd(1), EntityKind::Company, u"business name"_s);
    }

    // A name a role word introduces or describes: "conglomerate SGH", "startup Mistral", "unit
    // Boral", "Accelink Technologies, a maker of optical components", "X, a Shenzhen-based firm".
    static const QRegularExpression roleBeforeRe(
        uR"(\b(?:startup|start-up|firm|conglomerate|chipmaker|automaker|carmaker|steelmaker|drugmaker|miner|lender|brokerage|insurer|retailer|unit|subsidiary|rival|peer|supplier|maker|manufacturer|producer|developer|provider|operator|affiliate|suppliers|companies|company)\s+((?:[A-Z][\w&'.\-]*\s+){0,3}[A-Z][\w&'\-]*))"_s);
    for (auto it = roleBeforeRe.globalMatch(str); it.hasNext();) {
        const auto m = it.next();
        const QStringView name = m.capturedView(1);
        const QStringView first = firstWord(name);
        if (isGenericWord(first) || isLeadingStopword(first) || name.size() < 3)
            continue;
        // The name ends where the capitalised words do; a possessive is not part of it.
        const qsizetype end = endBeforePossessive(text, m.capturedEnd(1));
        c.add(m.capturedStart(1), end, EntityKind::Company, u"described as a business"_s);
    }
    // The words between describe the business ("a Shenzhen-based chip"), never a person's job ("a
    // chief analyst at a research firm"): no preposition, no title among them.
    static const QRegularExpression roleAfterRe(
        uR"(((?:[A-Z][\w&'.\-]*\s+){0,3}[A-Z][\w&'\-]*),\s+(?:a|an)\s+((?:[\w\-]+\s+){0,4}?)(?:company|firm|startup|start-up|maker|manufacturer|provider|developer|supplier|lender|retailer|chipmaker|conglomerate|brokerage|insurer|operator|designer)\b)"_s);
    static const QRegularExpression personWords(
        uR"(\b(?:at|of|for|with|in|on|from|by|analyst|director|executive|officer|chief|head|founder|partner|professor|researcher|spokesperson|spokesman|spokeswoman|president|manager|economist|strategist|fellow|senior|former)\b)"_s,
        QRegularExpression::CaseInsensitiveOption);
    for (auto it = roleAfterRe.globalMatch(str); it.hasNext();) {
        const auto m = it.next();
        const qsizetype nameStart = trimLeading(text, m.capturedStart(1), m.capturedEnd(1));
        const QStringView name = text.mid(nameStart, m.capturedEnd(1) - nameStart);
        const QStringView first = firstWord(name);
        if (name.isEmpty() || isGenericWord(first) || isLeadingStopword(first)
            || personWords.match(m.captured(2)).hasMatch())
            continue;
        c.add(nameStart, m.capturedEnd(1), EntityKind::Company, u"described as a business"_s);
    }

    // "Finland-based Outokumpu", "a Luxembourg-based stainless steelmaker Aperam": a place and
    // "-based", a few lower-case words describing the business, then the name.
    static const QRegularExpression basedRe(
        uR"(\b([A-Z][\w.\-]*)-based\s+(?:[a-z][\w\-]*\s+){0,3}?((?:[A-Z][\w&'.\-]*\s+){0,3}[A-Z][\w&'\-]*))"_s);
    for (auto it = basedRe.globalMatch(str); it.hasNext();) {
        const auto m = it.next();
        // The word before "-based" is a place the linker knows ("Wine-based Proton" is no business).
        bool place = false;
        for (const EntityMention &k : known) {
            if (k.start <= m.capturedStart(1) && k.end >= m.capturedEnd(1) && k.entityId.startsWith(u"region/"))
                place = true;
        }
        if (!place)
            continue;
        const QStringView name = m.capturedView(2);
        const QStringView first = firstWord(name);
        if (isGenericWord(first) || isLeadingStopword(first) || name.size() < 3 || usedInLowerCase(text, first))
            continue;
        const qsizetype end = endBeforePossessive(text, m.capturedEnd(2));
        c.add(m.capturedStart(2), end, EntityKind::Company, u"described as a business"_s);
    }

    // An analyst quoted by the firm's name: "Vontobel's Mark Diethelm says", "XTB's Kathleen Brooks
    // says in a note". The possessive names the employer; a known place or company is skipped.
    static const QRegularExpression employerRe(
        uR"(((?:[A-Z][\w&.\-]*\s+){0,2}[A-Z][\w&.\-]*)['’]s\s+(?:[a-z]+\s+){0,3}?[A-Z][a-z]+(?:\s+[A-Z]\.)?\s+[A-Z][\w'’\-]+\s+(?:says|said|wrote|writes|notes|noted|told|adds|added|estimates|expects|argues)\b)"_s);
    for (auto it = employerRe.globalMatch(str); it.hasNext();) {
        const auto m = it.next();
        const qsizetype nameStart = trimLeading(text, m.capturedStart(1), m.capturedEnd(1));
        const QStringView name = text.mid(nameStart, m.capturedEnd(1) - nameStart);
        const QStringView first = firstWord(name);
        if (name.size() < 3 || isGenericWord(first) || isLeadingStopword(first) || usedInLowerCase(text, first))
            continue;
        c.add(nameStart, m.capturedEnd(1), EntityKind::Company, u"quoted as an employer"_s);
    }

    // A listing: "Voler Car IPO", "PS Raj Steels IPO will close".
    static const QRegularExpression ipoRe(uR"((?<![\w&])((?:[A-Z][\w&'.\-]*\s+){0,4}?[A-Z][\w&'\-]*)\s+IPO\b)"_s);
    static const QSet<QString> notIssuers
        = {u"SME"_s, u"Mainboard"_s, u"Main"_s, u"Mega"_s, u"Record"_s, u"Biggest"_s, u"Largest"_s, u"Upcoming"_s,
            u"Blockbuster"_s, u"Planned"_s, u"Proposed"_s, u"Initial"_s, u"Debut"_s, u"Market"_s, u"Listing"_s};
    for (auto it = ipoRe.globalMatch(str); it.hasNext();) {
        const auto m = it.next();
        const qsizetype nameStart = trimLeading(text, m.capturedStart(1), m.capturedEnd(1));
        const QStringView name = text.mid(nameStart, m.capturedEnd(1) - nameStart);
        const QStringView first = firstWord(name);
        if (name.size() < 3 || isGenericWord(first) || isLeadingStopword(first) || notIssuers.contains(first.toString())
            || usedInLowerCase(text, first))
            continue;
        c.add(nameStart, m.capturedEnd(1), EntityKind::Company, u"listing"_s);
    }

    // A Chinese short name with its stock code in brackets: "融创中国(01918)", "金科服务(09666.HK)",
    // "优刻得-W（688158.SH）", "应用材料公司(AMAT.US)". The name starts after punctuation, a non-Han
    // character or a particle, so that the characters before it are not taken in.
    static const QRegularExpression cjkCodeRe(
        uR"((?:(?<![\x{4E00}-\x{9FFF}])|(?<=[据據的和与與及在对對向从從将將把被由为為是]))([\x{4E00}-\x{9FFF}]{2,8})(?:-[A-Z]{1,2})?\s*[(（]\s*(?:0\d{4}|\d{4,5}\.HK|[03689]\d{5}(?:\.(?:SH|SZ|BJ))?|[A-Z]{1,5}\.(?:US|O|N))\s*[)）])"_s);
    static const QString particles = u"据據的和与與及在对對向从從将將把被由为為是"_s;
    for (auto it = cjkCodeRe.globalMatch(str); it.hasNext();) {
        const auto m = it.next();
        qsizetype s = m.capturedStart(1);
        if (m.capturedLength(1) > 2 && particles.contains(str.at(s)))
            ++s; // "与本田(HMC.US)": the particle joins two names
        c.add(s, m.capturedEnd(1), EntityKind::Company, u"ticker"_s);
    }

    // Chinese bylines of outlets: "《每日经济新闻》记者", "据《X》报道", "财联社2月8日讯", "●长江商报记者",
    // "据The Block报道".
    static const QRegularExpression outletRe(
        uR"(《([^《》\n]{2,12})》\s*(?:记者|記者|报道|報道|报导|報導|援引|社论|社論|刊文|消息)|(?:^|\n|[●■▲|｜]\s*)([\x{4E00}-\x{9FFF}]{2,8})(?:\s*\d{1,2}月\d{1,2}日讯|\s*\d{1,2}月\d{1,2}日訊|记者|記者)|据([A-Za-z][\w .&\-]{1,30}?|[\x{4E00}-\x{9FFF}]{2,8}?)(?:报道|報道|统计|統計|援引|消息称))"_s);
    static const QSet<QString> notOutlets = {u"媒体"_s, u"媒體"_s, u"外媒"_s, u"港媒"_s, u"美媒"_s, u"日媒"_s,
        u"韩媒"_s, u"韓媒"_s, u"最新"_s, u"此前"_s, u"早前"_s, u"最近"_s, u"近期"_s, u"今日"_s, u"昨日"_s, u"官媒"_s,
        u"央媒"_s, u"知情人士"_s, u"消息人士"_s, u"不完全"_s, u"初步"_s, u"公开"_s, u"公開"_s, u"官方"_s, u"相关"_s,
        u"相關"_s, u"本报"_s, u"本報"_s, u"本台"_s, u"本网"_s, u"本網"_s, u"海关"_s, u"海關"_s, u"业内"_s, u"業內"_s,
        u"市场"_s, u"市場"_s, u"多家媒体"_s, u"多家媒體"_s, u"外电"_s, u"外電"_s};
    for (auto it = outletRe.globalMatch(str); it.hasNext();) {
        const auto m = it.next();
        int group = 1;
        while (group < 3 && !m.hasCaptured(group))
            ++group;
        // Function words and time words are in no outlet's name ("特朗普周日对记者表示", "受到上述").
        static const QString notInOutlet = u"的对對向了在是述这這那其此"_s;
        const QString name = m.captured(group).trimmed();
        if (!m.hasCaptured(group) || notOutlets.contains(name)
            || (group > 1 && name.front().unicode() >= 0x4E00
                && std::any_of(name.begin(), name.end(), [](QChar ch) { return notInOutlet.contains(ch); })))
            continue;
        c.add(m.capturedStart(group), m.capturedEnd(group), EntityKind::Company, u"outlet"_s);
    }

    // A press release's "About X" heading names the issuer, and the wire in its dateline
    // ("March 27, 2025 /24-7PressRelease/ --") names a press-release service.
    static const QRegularExpression aboutRe(
        uR"((?:^|\n)[ \t]*About\s+((?:[A-Z0-9][\w&'.\-]*\s+){0,4}[A-Z0-9][\w&'.\-]*)[ \t]*(?=\n))"_s);
    for (auto it = aboutRe.globalMatch(str); it.hasNext();) {
        const auto m = it.next();
        const QStringView name = m.capturedView(1);
        const QStringView first = firstWord(name);
        if (isGenericWord(first) || isLeadingStopword(first) || name.size() < 3)
            continue;
        c.add(m.capturedStart(1), m.capturedEnd(1), EntityKind::Company, u"press release"_s);
    }
    static const QRegularExpression wireRe(uR"(\d{4}\s*/\s*([A-Za-z0-9][\w.\-]{2,30})\s*/\s*(?:--|—|–))"_s);
    for (auto it = wireRe.globalMatch(str); it.hasNext();) {
        const auto m = it.next();
        c.add(m.capturedStart(1), m.capturedEnd(1), EntityKind::Company, u"press release"_s);
    }

    // The firm of a person quoted by a job: "partner at Phoenix Court", "an economist at Quux
    // Capital", and in Chinese text a name in Latin letters before a job and the person's name
    // ("OANDA亚太区资深市场分析师Kelvin Wong", "Vaneck分析师Matthew Sigel").
    static const QRegularExpression jobAtRe(
        uR"(\b(?:analyst|analysts|economist|strategist|partner|managing director|portfolio manager|fund manager|chief executive|chief economist|chief investment officer|CEO|CFO|CIO|co-founder|founder|trader|head of research|research director|investment director)\s+(?:at|of|with)\s+((?:[A-Z][\w&'.\-]*\s+){0,3}[A-Z][\w&'\-]*))"_s);
    for (auto it = jobAtRe.globalMatch(str); it.hasNext();) {
        const auto m = it.next();
        const QStringView name = m.capturedView(1);
        const QStringView first = firstWord(name);
        if (isGenericWord(first) || isLeadingStopword(first) || name.size() < 3 || usedInLowerCase(text, first))
            continue;
        const qsizetype end = endBeforePossessive(text, m.capturedEnd(1));
        c.add(m.capturedStart(1), end, EntityKind::Company, u"a person's firm"_s);
    }
    static const QRegularExpression latinBeforeJobRe(
        uR"((?<![A-Za-z0-9&.\-])([A-Z][A-Za-z0-9&.\-]+(?: [A-Z][A-Za-z0-9&.\-]+){0,3})[\x{4E00}-\x{9FFF}]{0,8}?(?:分析师|分析師|经济学家|經濟學家|策略师|策略師|首席|副总裁|副總裁|总裁|總裁|负责人|負責人|合伙人|合夥人)[\x{4E00}-\x{9FFF}]{0,4}\s*(?=[A-Z][a-z]))"_s);
    for (auto it = latinBeforeJobRe.globalMatch(str); it.hasNext();) {
        const auto m = it.next();
        // The name stands after Han text or punctuation, not inside an English sentence.
        const qsizetype s = m.capturedStart(1);
        if (s > 0 && !(text.at(s - 1).unicode() >= 0x3000 || text.at(s - 1) == u'\n'))
            continue;
        if (isGenericWord(m.capturedView(1)) || notTickers.contains(m.captured(1)) || m.capturedLength(1) < 3)
            continue;
        c.add(s, m.capturedEnd(1), EntityKind::Company, u"a person's firm"_s);
    }

    // Chinese company names: up to ten Han characters before 有限公司 and its kin.
    static const QRegularExpression cjkRe(
        uR"(([\x{4E00}-\x{9FFF}]{2,10}?(?:股份有限公司|科技有限公司|有限责任公司|有限公司|集团股份有限公司)))"_s);
    static const QString breakers = u"的和与及在是了由为对向从将、把被"_s;
    for (auto it = cjkRe.globalMatch(str); it.hasNext();) {
        const auto m = it.next();
        qsizetype s = m.capturedStart(1);
        const qsizetype e = m.capturedEnd(1);
        for (qsizetype k = e - 5; k > s; --k) {
            if (breakers.contains(text.at(k - 1))) {
                s = k;
                break;
            }
        }
        c.add(s, e, EntityKind::Company, u"corporate suffix"_s);
    }

    // The first column of a table of companies: a header cell "Name", "Company", "Stock" … and
    // rows whose first cell is a name ("| Wilson Bank Holding | NA | 7.87% |"). Tables reach the
    // text as cells between "|", rows one after another ("| | ").
    static const QRegularExpression tableHeadRe(
        uR"(\|\s*(?:Name|Company|Companies|Company Name|Stock|Stocks|Issuer|Firm|公司|公司名称|名称|股票|股票名称)\s*\|)"_s);
    for (auto it = tableHeadRe.globalMatch(str); it.hasNext();) {
        const auto head = it.next();
        qsizetype end = str.indexOf(u"\n\n"_s, head.capturedStart());
        if (end < 0)
            end = str.size();
        qsizetype at = head.capturedStart();
        int row = 0;
        while (at < end) {
            qsizetype next = str.indexOf(u"| |"_s, at);
            const qsizetype nextLine = str.indexOf(u"|\n|"_s, at);
            if (nextLine >= 0 && (next < 0 || nextLine < next))
                next = nextLine;
            if (next < 0 || next > end)
                next = end;
            if (row >= 2) { // after the header and its "---" row
                qsizetype cellStart = at;
                while (cellStart < next && (str.at(cellStart) == u'|' || str.at(cellStart).isSpace()))
                    ++cellStart;
                qsizetype cellEnd = str.indexOf(u'|', cellStart);
                if (cellEnd < 0 || cellEnd > next)
                    cellEnd = next;
                while (cellEnd > cellStart && str.at(cellEnd - 1).isSpace())
                    --cellEnd;
                const QStringView cell = text.mid(cellStart, cellEnd - cellStart);
                if (!cell.isEmpty() && (cell.front().isUpper() || cell.front().unicode() >= 0x4E00)
                    && !cell.contains(u"---") && cell.size() <= 80)
                    c.add(cellStart, cellEnd, EntityKind::Company, u"table of companies"_s);
            }
            ++row;
            at = next + 2;
        }
    }

    // Chinese short names of listed companies: two characters and a word for the business
    // (国金证券, 乐鑫科技, 世茂集团, 高澜股份, 烽火通信), standing after punctuation, a non-Han character or a
    // particle, so that the two characters start a word.
    static const QRegularExpression cjkShortRe(
        uR"((?:(?<![\x{4E00}-\x{9FFF}])|(?<=[据據的和与與及在对對向从從将將把被由为為是]))([\x{4E00}-\x{9FFF}]{2}(?:证券|證券|集团|集團|控股|科技|股份|银行|銀行|通信|制药|製藥|锂业|鋰業)))"_s);
    static const QSet<QString> genericPrefixes = {u"中国"_s, u"中國"_s, u"美国"_s, u"美國"_s, u"全球"_s, u"国际"_s,
        u"國際"_s, u"上市"_s, u"国内"_s, u"國內"_s, u"海外"_s, u"这些"_s, u"這些"_s, u"大型"_s, u"小型"_s, u"我们"_s,
        u"他们"_s, u"数字"_s, u"數字"_s, u"信息"_s, u"网络"_s, u"網絡"_s, u"公司"_s, u"科技"_s, u"金融"_s, u"商业"_s,
        u"商業"_s, u"投资"_s, u"投資"_s, u"新兴"_s, u"新興"_s, u"相关"_s, u"相關"_s, u"多家"_s, u"各大"_s, u"主要"_s,
        u"头部"_s, u"頭部"_s, u"龙头"_s, u"龍頭"_s, u"本地"_s, u"地方"_s, u"民营"_s, u"民營"_s, u"国有"_s, u"國有"_s,
        u"外资"_s, u"外資"_s, u"中资"_s, u"中資"_s, u"港股"_s, u"美股"_s, u"A股"_s, u"人工"_s, u"智能"_s, u"半导"_s,
        u"芯片"_s, u"电子"_s, u"電子"_s};
    for (auto it = cjkShortRe.globalMatch(str); it.hasNext();) {
        const auto m = it.next();
        const qsizetype s = m.capturedStart(1);
        // Numerals, time words, pronouns and verbs do not begin a name ("一是…", "回购股份", "成为科技…").
        static const QString notInName
            = u"一二三四五六七八九十百千万萬亿億年月日各每该該这這那其此本的是了受例如成为為促进進回购購大量语語义義方"_s;
        if (genericPrefixes.contains(str.mid(s, 2)) || notInName.contains(str.at(s))
            || notInName.contains(str.at(s + 1)))
            continue;
        c.add(s, m.capturedEnd(1), EntityKind::Company, u"corporate suffix"_s);
    }

    // Chip models: a product line and a number ("RTX 5090D", "MTT S4000", "Ascend 910D") or a
    // letters-and-digits code ("MI308X", "B30A"), near chip words.
    static const QRegularExpression lineRe(
        uR"(\b((?:RTX|GTX|MTT|Ascend|Instinct|Gaudi|Radeon|Kunlun|MLU|BR|Atlas|Xeon|Epyc|EPYC|Snapdragon|Dimensity|Kirin|Exynos|Tensor)\s(?:[A-Z]{0,2}\d{2,4}[A-Z]{0,3}))\b)"_s);
    for (auto it = lineRe.globalMatch(str); it.hasNext();) {
        const auto m = it.next();
        if (hasChipWordNear(text, m.capturedStart(1), m.capturedEnd(1)))
            c.add(m.capturedStart(1), m.capturedEnd(1), EntityKind::Chip, u"chip model"_s);
    }
    static const QRegularExpression codeRe(uR"((?<![\w\-$€£¥])([A-Z]{1,4}\d{2,4}[A-Z]{0,2})(?![\w\-]))"_s);
    static const QSet<QString> notChips = {u"FY"_s, u"Q"_s, u"H"_s, u"COVID"_s, u"ISO"_s, u"USD"_s, u"RMB"_s, u"HKD"_s,
        u"EUR"_s, u"JPY"_s, u"CNY"_s, u"SGD"_s, u"TWD"_s, u"KRW"_s, u"GBP"_s, u"MYR"_s, u"HK"_s, u"US"_s, u"G"_s,
        u"A"_s, u"F"_s, u"CY"_s, u"EPS"_s, u"GMT"_s, u"UTC"_s, u"AD"_s, u"BC"_s};
    for (auto it = codeRe.globalMatch(str); it.hasNext();) {
        const auto m = it.next();
        const QString code = m.captured(1);
        qsizetype letters = 0;
        while (letters < code.size() && code.at(letters).isLetter())
            ++letters;
        const QString prefix = code.left(letters);
        if (notChips.contains(prefix))
            continue;
        qsizetype digits = letters;
        while (digits < code.size() && code.at(digits).isDigit())
            ++digits;
        // Years and dates ("AI2025", "Q42024") are not models.
        if (digits - letters == 4 && code.mid(letters, 2) == u"20"_s)
            continue;
        if (hasChipWordNear(text, m.capturedStart(1), m.capturedEnd(1)))
            c.add(m.capturedStart(1), m.capturedEnd(1), EntityKind::Chip, u"chip model"_s);
    }

    // The investors of a funding round: "投资方为爱协生科技、深智城产投、芯宇嘉华", "投资方为Village
    // Global、Bridge Latam". Every item of the list names a backer.
    static const QRegularExpression investorsRe(
        uR"((?:投资方为|投资方包括|投资方是|投资机构为|投资机构包括|投资人为|领投方为|跟投方为|投資方為|投資方包括|投資機構為)[:：]?([^，。；,;\n]{2,300}))"_s);
    // The items of a Chinese enumeration ("A、B、C等").
    const auto addItems = [&](qsizetype from, qsizetype to, const QString &reason, const QSet<qsizetype> &skip) {
        qsizetype at = from;
        while (at < to) {
            qsizetype next = str.indexOf(u'、', at);
            if (next < 0 || next > to)
                next = to;
            qsizetype s = at;
            qsizetype e = next;
            while (s < e && str.at(s).isSpace())
                ++s;
            if (e - s > 2 && (str.mid(e - 2, 2) == u"等等"_s))
                e -= 2;
            else if (e - s > 1 && (str.at(e - 1) == u'等'))
                --e;
            while (e > s && str.at(e - 1).isSpace())
                --e;
            // "-W", "-U": the share class of a Hong Kong or STAR listing is not part of the name.
            if (e - s > 3 && str.at(e - 2) == u'-' && str.at(e - 1).isUpper())
                e -= 2;
            if (!skip.contains(s) && e - s >= 2 && e - s <= 24)
                c.add(s, e, EntityKind::Company, reason);
            at = next + 1;
        }
    };
    for (auto it = investorsRe.globalMatch(str); it.hasNext();) {
        const auto m = it.next();
        addItems(m.capturedStart(1), m.capturedEnd(1), u"investor"_s, {});
    }
    // An enumeration that names two or more known companies names companies in its other items too:
    // "涨幅前五名分别为：优刻得-W、安恒信息、卫宁健康", "科大讯飞、软通动力、高新发展、中国长城等". Items are
    // short names of Han characters; the first item starts after punctuation.
    static const QRegularExpression listRe(
        uR"((?<=[：:，,。；;\n（(]|^)((?:[\x{4E00}-\x{9FFF}A-Za-z][\x{4E00}-\x{9FFF}A-Za-z0-9\-]{1,9}、){2,}[\x{4E00}-\x{9FFF}A-Za-z][\x{4E00}-\x{9FFF}A-Za-z0-9\-]{1,9}?)(?=等|[，,。；;\n）)]|$))"_s);
    for (auto it = listRe.globalMatch(str); it.hasNext();) {
        const auto m = it.next();
        QSet<qsizetype> companyItems;
        int others = 0;
        int suggestedItems = 0;
        int items = 0;
        qsizetype at = m.capturedStart(1);
        const qsizetype to = m.capturedEnd(1);
        while (at < to) {
            qsizetype next = str.indexOf(u'、', at);
            if (next < 0 || next > to)
                next = to;
            bool company = false;
            bool other = false;
            for (const EntityMention &k : known) {
                if (k.start >= at && k.end <= next && k.end - k.start >= (next - at) / 2) {
                    if (k.entityId.startsWith(u"company/"))
                        company = true;
                    else
                        other = true;
                }
            }
            bool suggested = false;
            for (const EntitySuggestion &s : std::as_const(c.out)) {
                if (s.kind == EntityKind::Company && s.start >= at && s.end <= next)
                    suggested = true;
            }
            if (company)
                companyItems.insert(at);
            else if (suggested)
                ++suggestedItems;
            else if (other)
                ++others;
            at = next + 1;
            ++items;
        }
        // A label of stocks before the list says what its items are: "板块个股涨幅前五名分别为：".
        const QStringView before = text.mid(std::max<qsizetype>(0, m.capturedStart(1) - 16),
            m.capturedStart(1) - std::max<qsizetype>(0, m.capturedStart(1) - 16));
        const bool stocks = before.contains(u"个股"_s) || before.contains(u"個股"_s) || before.contains(u"概念股"_s)
            || before.contains(u"成分股"_s) || before.contains(u"成份股"_s);
        if (others == 0
            && (companyItems.size() >= 2 || (!companyItems.isEmpty() && suggestedItems >= 1) || (stocks && items >= 3)))
            addItems(m.capturedStart(1), to, u"listed with companies"_s, companyItems);
    }

    // A company brief in a Chinese digest: a paragraph opens with the company's short name and a colon,
    // and its first sentence speaks of "the company" ("竞业达：1月13日消息，公司已于近日完成…").
    static const QRegularExpression briefRe(
        uR"((?:^|\n)([\x{4E00}-\x{9FFF}]{2,8})(?:-[A-Z]{1,2})?[：:](?=[^。！？\n]{0,30}(?:公司|該公司|该公司)))"_s);
    for (auto it = briefRe.globalMatch(str); it.hasNext();) {
        const auto m = it.next();
        // Bodies and people speak in such lines too ("四部门：", "记者：", "外交部：").
        static const QSet<QString> notFirms = {u"记者"_s, u"記者"_s, u"编者"_s, u"編者"_s, u"来源"_s, u"來源"_s,
            u"消息"_s, u"公告"_s, u"点评"_s, u"點評"_s, u"风险提示"_s, u"風險提示"_s, u"投资建议"_s, u"投資建議"_s,
            u"重点公司"_s, u"重點公司"_s, u"公司动态"_s, u"公司動態"_s, u"行业要闻"_s, u"行業要聞"_s, u"市场回顾"_s,
            u"市場回顧"_s, u"摘要"_s, u"核心观点"_s, u"核心觀點"_s};
        const QString name = m.captured(1);
        static const QString notInName = u"部委局署会會院厅廳处處办辦"_s;
        // An interview gives its speakers the same way ("方琦：公司的…"): a name of two or three
        // characters opening with a common surname is taken for a person.
        static const QString surnames
            = u"王李张張刘劉陈陳杨楊黄黃赵趙吴吳周徐孙孫马馬朱胡郭何林罗羅郑鄭梁谢謝宋唐许許韩韓冯馮邓鄧曹彭曾"
              u"肖田董袁潘蒋蔣蔡余杜叶葉程苏蘇魏吕呂丁任沈姚卢盧姜崔钟鍾谭譚陆陸汪范石廖贾賈夏韦韋付方白邹鄒孟"
              u"熊秦邱尹薛闫閆段侯史陶黎贺賀顾顧毛郝龚龔邵钱錢严嚴覃戴莫孔汤湯"_s;
        if (notFirms.contains(name) || notInName.contains(name.back())
            || (name.size() <= 3 && surnames.contains(name.front())))
            continue;
        c.add(m.capturedStart(1), m.capturedEnd(1), EntityKind::Company, u"company brief"_s);
    }

    std::sort(c.out.begin(), c.out.end(),
        [](const EntitySuggestion &a, const EntitySuggestion &b) { return a.start < b.start; });
    return c.out;
}

} // namespace Lede
