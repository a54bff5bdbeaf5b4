// SPDX-License-Identifier: MIT
// The knowledge base's file format: a file of records, then resolving the relations, then the
// questions the linker and the sidebar ask of it.

#include "fuzzcommon.h"
#include "kb/knowledgebase.h"

using namespace Qt::StringLiterals;

LEDE_FUZZ_INIT

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    Lede::KnowledgeBase kb;
    QStringList errors;
    kb.parse(LedeFuzz::text(data, size), u"fuzz.kb"_s, &errors);
    kb.finish(&errors);
    for (const Lede::Entity &entity : kb.entities()) {
        kb.descendantsAndSelf(entity.id);
        kb.related(entity.id, u"part_of");
    }
    return 0;
}
