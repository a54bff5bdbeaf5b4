// SPDX-License-Identifier: MIT
// Helpers shared by the linker tests.
#pragma once

#include "kb/knowledgebase.h"
#include "link/linker.h"
#include "text/article.h"

#include <QDebug>

namespace LedeTest {

/// A knowledge base from a test's own records, so that mechanics are tested apart from the
/// shipped data. Parse errors are printed.
inline std::shared_ptr<Lede::KnowledgeBase> knowledgeBaseFrom(QStringView records, const QString &origin)
{
    auto kb = std::make_shared<Lede::KnowledgeBase>();
    QStringList errors;
    kb->parse(records, origin, &errors);
    kb->finish(&errors);
    if (!errors.isEmpty())
        qWarning() << errors;
    return kb;
}

/// "id@start-end" for each mention, to compare in one line.
inline QStringList describe(const QList<Lede::EntityMention> &mentions)
{
    QStringList out;
    for (const auto &m : mentions)
        out.append(QStringLiteral("%1@%2-%3").arg(m.entityId).arg(m.start).arg(m.end));
    return out;
}

/// The linker over the shipped knowledge base, built once per test program.
inline const Lede::Linker &builtinLinker()
{
    static const Lede::Linker linker(Lede::KnowledgeBase::loadBuiltin());
    return linker;
}

} // namespace LedeTest
