// SPDX-License-Identifier: MIT
#pragma once

#include "kb/knowledgebase.h"
#include "text/article.h"

namespace Lede {

/// A name in a text that looks like a company or a chip the knowledge base does not know yet.
struct EntitySuggestion
{
    QString name; // as written, without surrounding punctuation
    EntityKind kind = EntityKind::Company;
    qsizetype start = 0; // UTF-16 offsets of the name in the text, end exclusive
    qsizetype end = 0;
    QString reason; // "corporate suffix", "ticker", "chip model"
    QString ticker; // "NASDAQ:BTDR" when the text gave one
};

/// Finds names the knowledge base does not know: names with corporate suffixes ("Acme
/// Semiconductor Co., Ltd.", "… Inc.", "某某科技有限公司"), names before an exchange ticker
/// ("Bitdeer (NASDAQ: BTDR)", "Electrolux Professional (OM:EPRO B)", "融创中国(01918)"), names a
/// business word describes ("startup X", "Finland-based X", "X, a … company", "X IPO", "X's
/// <analyst> says"), outlets in Chinese bylines ("《X》记者", "X2月8日讯"), the investors a funding
/// round lists (投资方为A、B、C), the other items of an enumeration that names two or more known
/// companies, and chip model numbers near chip words ("MI308X", "RTX 5090D", "MTT S4000"). Names
/// that overlap a known mention, or that are already an alias or ticker in the knowledge base, are
/// left out; each name is suggested once, at its first place. Precise rather than exhaustive.
QList<EntitySuggestion> suggestEntities(QStringView text, const QList<EntityMention> &known, const KnowledgeBase &kb);

} // namespace Lede
