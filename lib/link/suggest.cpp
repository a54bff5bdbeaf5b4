// SPDX-License-Identifier: MIT
#include "suggest.h"

#include <QRegularExpression>
#include <QSet>

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

} // namespace

QList<EntitySuggestion> suggestEntities(QStringView text, const QList<EntityMention> &known, const KnowledgeBase &kb)
{
    Collector c{text, known, kb, {}, {}};
    const QString str = text.toString(); // QRegularExpression matches QString and QStringView alike

    // Names before an exchange ticker: "Bitdeer Technologies Group (NASDAQ: BTDR)".
    static const QRegularExpression tickerRe(
        uR"(((?:[A-Z][\w&'.\-]*,?\s+){0,5}?[A-Z][\w&'.\-]*)\s*[(（]\s*(NASDAQ|Nasdaq|NYSE|NYSE American|HKEX|SEHK|HKG|SSE|SZSE|TSE|TWSE|TPEx|LSE|KRX|KOSDAQ|TSX|ASX|SGX|Euronext|OTC|OTCQX|BSE|NSE)\s*[:：]\s*([A-Z0-9.]{1,10})\s*[)）])"_s);
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

    std::sort(c.out.begin(), c.out.end(),
        [](const EntitySuggestion &a, const EntitySuggestion &b) { return a.start < b.start; });
    return c.out;
}

} // namespace Lede
