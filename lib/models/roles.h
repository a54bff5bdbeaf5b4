// SPDX-License-Identifier: MIT
#pragma once

#include <Qt>

namespace Lede {

/// Every item-data role Lede's models use, in one place.
enum Role {
    SortRole = Qt::UserRole + 1, // raw value to sort by (ISO date, count, lower-cased title)
    ArticleIdRole,
    EntityIdRole,
    EntityKindRole,
    ArticleCountRole,
    AnnotationIdRole,
    AnnotationStartRole,
    AnnotationEndRole,
    AnnotationColorRole,
    AnnotationNoteRole,
    IsGroupRole,
    IsSuggestionRole, // a name the knowledge base does not know, offered for adding
    AnnotationArticleRole, // the article an annotation belongs to
    AnnotationTagsRole, // QStringList
    AnnotationEntitiesRole, // QStringList: mentioned inside the passage, then linked by the journalist
    AnnotationOrphanRole, // bool: the passage is no longer in the text
    AnnotationQuoteRole,
};

} // namespace Lede
