// SPDX-License-Identifier: MIT
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace Lede {

enum class EntityKind : quint8 { Company, Chip, Region };

/// "company", "chip", "region": the prefix of an entity id.
QString kindKey(EntityKind kind);
/// "Companies", "Chips", "Regions": the sidebar's group titles.
QString kindTitle(EntityKind kind);
std::optional<EntityKind> kindFromKey(QStringView key);
/// The kind of an entity id such as "chip/nvidia-h20".
std::optional<EntityKind> kindOfId(QStringView entityId);

/// One name under which the linker finds an entity.
struct Alias
{
    enum Role : quint8 { Name, Other, Legal, Demonym, Metonym };
    QString text;
    Role role = Other;
    bool exactCase = false; // matched only as written ("US", "=Arm")
};

/// A company, chip or region from the knowledge base.
struct Entity
{
    QString id; // "kind/slug"
    EntityKind kind = EntityKind::Company;
    QString name;
    QList<Alias> aliases;
    /// Facts other than names, in file order: ("ticker", "NASDAQ:NVDA"), ("hq", "region/us") …
    QList<std::pair<QString, QString>> facts;

    QStringList values(QStringView key) const;
    QString value(QStringView key) const;
};

} // namespace Lede
