// SPDX-License-Identifier: MIT
#pragma once

#include "article.h"
#include "kb/knowledgebase.h"

#include <memory>
#include <vector>

namespace Lede {

/// Finds the knowledge base's companies, chips and regions in a text.
///
/// All aliases are matched in one pass with an Aho–Corasick automaton over case-folded UTF-16,
/// with full-width forms and typographic apostrophes folded to ASCII so that offsets stay those
/// of the original text. Latin-script matches must be whole words ("Intel" is not found inside
/// "Intelligence"; "Nvidia's" is found); CJK matches need no boundaries. Overlaps are resolved
/// leftmost-longest. A name that is both a place and a government ("Beijing") is read as the
/// government unless the words around it make it a place ("in Beijing", "Beijing-based").
///
/// Immutable once built, so one Linker can serve several threads.
class Linker
{
public:
    explicit Linker(std::shared_ptr<const KnowledgeBase> kb);
    ~Linker();
    Linker(const Linker &) = delete;
    Linker &operator=(const Linker &) = delete;

    QList<EntityMention> link(QStringView text) const;
    const KnowledgeBase &knowledgeBase() const { return *m_kb; }
    std::shared_ptr<const KnowledgeBase> sharedKnowledgeBase() const { return m_kb; }
    qsizetype patternCount() const;

    /// The folding the automaton matches under, one UTF-16 unit for one: case-folded, full-width
    /// ASCII to ASCII, curly apostrophes to '. Exposed for tests.
    static char16_t fold(char16_t c);

private:
    struct Automaton;
    std::shared_ptr<const KnowledgeBase> m_kb;
    std::unique_ptr<Automaton> m_automaton;
};

} // namespace Lede
