// SPDX-License-Identifier: MIT
#pragma once

#include "kb/knowledgebase.h"
#include "text/article.h"

#include <memory>
#include <vector>

namespace Lede {

/// Finds the knowledge base's companies, chips and regions in a text.
///
/// All aliases are matched in one pass by a deterministic, whole-word-aware Aho–Corasick automaton
/// over folded UTF-16 (see linker.cpp). Offsets are always those of the original text: every
/// folding maps one UTF-16 unit to one, and units that matching skips stay inside the mention.
///
/// - **Whole words** in spaced scripts ("Intel" is not found inside "Intelligence"); CJK names
///   need no boundaries. Overlaps resolve leftmost-longest.
/// - **Case**: case-insensitive, except aliases marked exact-case in the knowledge base ("US",
///   "=Arm"), which must match as written after width and punctuation folding.
/// - **Possessives**: "Nvidia's", "Nvidia’s" link "Nvidia".
/// - **Plurals of chip models**: a chip alias ending in a digit or a capital letter also matches
///   before a plural "s" ("H20s", "H100s", "TPUs"); the mention covers the alias only ("H20" of
///   "H20s"), so it reads the same as the singular.
/// - **Hyphen and space variants of model numbers**: where a run of two or more letters meets a
///   run of digits inside an alias, "-", " " and nothing are equivalent if the alias has a
///   separator there ("Ascend 910B" = "Ascend-910B" = "Ascend910B"), and "-" or nothing if it has
///   none ("GB200" = "GB-200", but not "GB 200", which "16 GB 200…" would produce). A single letter
///   never varies ("H 20", "A 100-page report").
/// - **Unicode normalisation** (compatibility forms that keep one unit for one): full-width and
///   half-width forms, font and presentation variants, CJK compatibility ideographs, accents on
///   Latin letters ("Quebec" = "Québec"; ø, ł, đ too), typographic apostrophes and primes to ',
///   Unicode hyphens, en dash and minus to -, no-break and typographic spaces to a space. Combining
///   accents (decomposed text), soft hyphens and zero-width joiners are skipped. Superscripts,
///   fractions, circled forms and ligatures are not folded.
///
/// Names in page furniture (share and follow lines, ticker lists, contact blocks: BoilerplateJudge)
/// are not linked.
///
/// A name that is both a place and a government ("Beijing") is decided by chooseCandidate() from
/// the words around it, for every match.
///
/// Immutable once built, so one Linker can serve several threads.
class Linker
{
public:
    /// `hotStates` is how many of the automaton's shallowest states get a full row of transitions
    /// (at least the two roots); by default 3 MB of rows' worth (linker.cpp). The mentions found are
    /// the same for any value; tests set it to reach the sparse states with a small base.
    explicit Linker(std::shared_ptr<const KnowledgeBase> kb, qsizetype hotStates = -1);
    ~Linker();
    Linker(const Linker &) = delete;
    Linker &operator=(const Linker &) = delete;

    QList<EntityMention> link(QStringView text) const;
    const KnowledgeBase &knowledgeBase() const { return *m_kb; }
    std::shared_ptr<const KnowledgeBase> sharedKnowledgeBase() const { return m_kb; }
    qsizetype patternCount() const;

    /// Goes up whenever a change to the linker's rules can change the mentions it finds in a text
    /// the knowledge base has not changed for (folding, context rules, boundaries), so libraries
    /// linked by an older one are linked again.
    static constexpr int version = 2; // 2: page furniture is not linked (boilerplate.h)
    /// The shipped knowledge base (without the journalist's edits) and this linker's version, as one
    /// string. A library stores the one its mentions were found with; when it differs from this
    /// Lede's, every article is linked again.
    static QString fingerprint(const KnowledgeBase &shippedBase);

    /// The folding the automaton matches under, one UTF-16 unit for one: case-folded, compatibility
    /// forms and accented Latin letters to their base, typographic apostrophes, hyphens and spaces
    /// to ASCII. Exposed for tests.
    static char16_t fold(char16_t c);

private:
    struct Automaton;
    std::shared_ptr<const KnowledgeBase> m_kb;
    std::unique_ptr<Automaton> m_automaton;
};

} // namespace Lede
