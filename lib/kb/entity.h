// SPDX-License-Identifier: MIT
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include <array>
#include <optional>

namespace Lede {

/// The kinds, in the sidebar's order. Organisation (government bodies, regulators, international
/// organisations, universities and institutes, think tanks, leagues, NGOs) comes after the first three.
enum class EntityKind : quint8 { Company, Chip, Region, Organisation };
/// Every kind, in order.
inline constexpr std::array<EntityKind, 4> allEntityKinds
    = {EntityKind::Company, EntityKind::Chip, EntityKind::Region, EntityKind::Organisation};

/// "company", "chip", "region", "organisation": the prefix of an entity id.
QString kindKey(EntityKind kind);
/// "Companies", "Chips", "Regions", "Organisations": the sidebar's group titles.
QString kindTitle(EntityKind kind);
/// "Company", "Chip", "Region", "Organisation": one of the kind, as in "Add “X” as a Company".
QString kindNoun(EntityKind kind);
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

/// A company, chip, region or organisation from the knowledge base.
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
