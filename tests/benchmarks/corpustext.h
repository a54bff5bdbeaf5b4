// SPDX-License-Identifier: MIT
// Article-like text made of the corpus's real paragraphs, for benchmarks that need more articles
// than the corpus has.
#pragma once

#include <QDirIterator>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>

#include <random>

namespace LedeBench {

using namespace Qt::StringLiterals;

/// The paragraphs (20 characters or more) of every real text in the corpus: Markdown clippings,
/// expected extraction outputs and the AEB ground-truth bodies. Empty when the corpus is absent.
inline QStringList realParagraphs(const QString &shared)
{
    const auto read = [](const QString &path) {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
    };
    QStringList texts;
    QDirIterator it(shared + u"/corpus/articles"_s, {u"*.md"_s, u"*.expected.txt"_s}, QDir::Files);
    QStringList files;
    while (it.hasNext())
        files.append(it.next());
    files.sort();
    for (const QString &f : std::as_const(files))
        texts.append(read(f));
    const QJsonObject truth
        = QJsonDocument::fromJson(read(shared + u"/corpus/extraction-aeb/ground-truth.json"_s).toUtf8()).object();
    for (auto i = truth.begin(); i != truth.end(); ++i)
        texts.append(i.value().toObject().value(u"articleBody").toString());
    QStringList paragraphs;
    for (const QString &t : std::as_const(texts)) {
        for (const QString &line : t.split(u'\n')) {
            const QString p = line.trimmed();
            if (p.size() >= 20)
                paragraphs.append(p);
        }
    }
    return paragraphs;
}

/// An article-like text: real paragraphs drawn at random, joined as canonical text.
inline QString randomArticle(const QStringList &paragraphs, std::mt19937 &rng, int minParagraphs, int maxParagraphs)
{
    std::uniform_int_distribution<int> count(minParagraphs, maxParagraphs);
    std::uniform_int_distribution<qsizetype> pick(0, paragraphs.size() - 1);
    QStringList chosen;
    for (int i = count(rng); i > 0; --i)
        chosen.append(paragraphs.at(pick(rng)));
    return chosen.join(u"\n\n"_s);
}

} // namespace LedeBench
