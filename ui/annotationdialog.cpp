// SPDX-License-Identifier: MIT
#include "annotationdialog.h"

#include "controller/annotationcontroller.h"
#include "controller/controller.h"
#include "entitypicker.h"
#include "models/annotationmodel.h"
#include "store/library.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>

namespace Lede {

using namespace Qt::StringLiterals;

namespace {

QList<AnnotationColor> plainPalette()
{
    QList<AnnotationColor> out;
    for (const QString &c : annotationColors())
        out.append(AnnotationColor{c, QString()});
    return out;
}

QString colourName(const QString &color)
{
    static const QHash<QString, QString> names
        = {{u"yellow"_s, QObject::tr("Yellow")}, {u"green"_s, QObject::tr("Green")}, {u"blue"_s, QObject::tr("Blue")},
            {u"pink"_s, QObject::tr("Pink")}, {u"orange"_s, QObject::tr("Orange")}};
    return names.value(color, color);
}

} // namespace

AnnotationDialog::AnnotationDialog(const QString &passage, const QString &color, const QString &note, QWidget *parent)
    : QDialog(parent)
{
    build(passage, plainPalette(), color, note);
}

AnnotationDialog::AnnotationDialog(const Annotation &values, const QList<AnnotationColor> &palette,
    std::shared_ptr<const KnowledgeBase> kb, const QStringList &mentioned, QWidget *parent)
    : QDialog(parent), m_kb(std::move(kb))
{
    build(values.quote, palette.isEmpty() ? plainPalette() : palette, values.color, values.note);
    m_tags->setText(values.tags.join(u", "_s));
    QStringList names;
    for (const QString &id : mentioned)
        names.append(entityLabel(id));
    m_mentioned->setText(names.isEmpty() ? tr("none") : names.join(u", "_s));
    for (const QString &id : values.entityIds) {
        if (!mentioned.contains(id))
            addEntity(id);
    }
}

void AnnotationDialog::build(
    const QString &passage, const QList<AnnotationColor> &palette, const QString &color, const QString &note)
{
    setObjectName(u"annotationDialog"_s);
    setWindowTitle(tr("Annotate Passage"));
    m_color = new QComboBox(this);
    m_note = new QPlainTextEdit(this);
    m_tags = new QLineEdit(this);
    m_mentioned = new QLabel(this);
    m_entities = new QListWidget(this);

    auto *quote = new QLabel(this);
    QString shown = passage.simplified();
    if (shown.size() > 400)
        shown = shown.left(397) + u"…"_s;
    quote->setText(u"“%1”"_s.arg(shown));
    quote->setWordWrap(true);
    quote->setStyleSheet(u"font-style: italic;"_s);

    for (const AnnotationColor &c : palette) {
        QPixmap swatch(14, 14);
        swatch.fill(AnnotationModel::colorFor(c.color));
        const QString label
            = c.meaning.isEmpty() ? colourName(c.color) : u"%1 (%2)"_s.arg(c.meaning, colourName(c.color));
        m_color->addItem(QIcon(swatch), label, c.color);
    }
    m_color->setObjectName(u"annotationColor"_s);
    m_color->setCurrentIndex(std::max(0, m_color->findData(color)));
    m_note->setObjectName(u"annotationNote"_s);
    m_note->setPlaceholderText(tr("Why this passage matters, what to check, whom to call… Markdown works. "
                                  "(Return saves, Shift+Return starts a new line)"));
    m_note->installEventFilter(this);
    m_note->setPlainText(note);
    m_note->setTabChangesFocus(true);
    m_tags->setObjectName(u"annotationTags"_s);
    m_tags->setPlaceholderText(tr("Comma-separated: sourcing, numbers, call back"));
    m_mentioned->setObjectName(u"annotationMentioned"_s);
    m_mentioned->setWordWrap(true);
    m_mentioned->setText(tr("none"));
    m_entities->setObjectName(u"annotationEntities"_s);
    m_entities->setMaximumHeight(80);
    auto *add = new QPushButton(tr("&Link Entity…"), this);
    add->setObjectName(u"linkEntityButton"_s);
    auto *remove = new QPushButton(tr("Unlink"), this);
    connect(add, &QPushButton::clicked, this, [this] {
        if (!m_kb)
            return;
        EntityPickerDialog picker(*m_kb, tr("Link this annotation to an entity it does not name:"), this);
        if (picker.exec() == QDialog::Accepted && !picker.entityId().isEmpty())
            addEntity(picker.entityId());
    });
    add->setEnabled(m_kb != nullptr);
    connect(remove, &QPushButton::clicked, this, [this] { delete m_entities->currentItem(); });
    auto *entityButtons = new QHBoxLayout;
    entityButtons->addWidget(add);
    entityButtons->addWidget(remove);
    entityButtons->addStretch(1);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Save)->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *form = new QFormLayout(this);
    form->addRow(quote);
    form->addRow(tr("&Colour:"), m_color);
    form->addRow(tr("&Note:"), m_note);
    form->addRow(tr("&Tags:"), m_tags);
    form->addRow(tr("Mentioned:"), m_mentioned);
    form->addRow(tr("Linked:"), m_entities);
    form->addRow(QString(), entityButtons);
    form->addRow(buttons);
    m_note->setFocus();
    resize(500, 420);
}

void AnnotationDialog::setFocusOn(Focus focus)
{
    switch (focus) {
    case FocusNote:
        m_note->setFocus();
        break;
    case FocusTags:
        m_tags->setFocus();
        m_tags->selectAll();
        break;
    case FocusEntities:
        m_entities->setFocus();
        break;
    }
}

QString AnnotationDialog::entityLabel(const QString &id) const
{
    const Entity *e = m_kb ? m_kb->entity(id) : nullptr;
    return e ? u"%1 (%2)"_s.arg(e->name, kindNoun(e->kind)) : id;
}

void AnnotationDialog::addEntity(const QString &id)
{
    for (int i = 0; i < m_entities->count(); ++i) {
        if (m_entities->item(i)->data(Qt::UserRole).toString() == id)
            return;
    }
    auto *item = new QListWidgetItem(entityLabel(id), m_entities);
    item->setData(Qt::UserRole, id);
}

bool AnnotationDialog::eventFilter(QObject *watched, QEvent *event)
{
    // In the note, Return presses Save as anywhere else in the dialog; Shift+Return is a new line.
    if (watched == m_note && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if ((key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) && !(key->modifiers() & Qt::ShiftModifier)) {
            accept();
            return true;
        }
    }
    return QDialog::eventFilter(watched, event);
}

QString AnnotationDialog::color() const
{
    return m_color->currentData().toString();
}

QString AnnotationDialog::note() const
{
    return m_note->toPlainText().trimmed();
}

QStringList AnnotationDialog::tags() const
{
    return parseTags(m_tags->text());
}

QStringList AnnotationDialog::entityIds() const
{
    QStringList out;
    for (int i = 0; i < m_entities->count(); ++i)
        out.append(m_entities->item(i)->data(Qt::UserRole).toString());
    return out;
}

QStringList AnnotationDialog::parseTags(const QString &text)
{
    QStringList out;
    static const QRegularExpression separators(u"[,;]"_s);
    for (const QString &part : text.split(separators, Qt::SkipEmptyParts)) {
        QString tag = part.simplified();
        if (tag.startsWith(u'#'))
            tag.remove(0, 1);
        if (!tag.isEmpty() && !out.contains(tag, Qt::CaseInsensitive))
            out.append(tag);
    }
    return out;
}

bool AnnotationDialog::editAnnotation(Controller *controller, qint64 annotationId, Focus focus, QWidget *parent)
{
    AnnotationController *annotations = controller->annotations();
    const auto a = annotations->annotation(annotationId);
    if (!a)
        return false;
    QStringList mentioned = controller->library().annotationEntities(*a);
    mentioned.removeIf([&a](const QString &id) { return a->entityIds.contains(id); });
    AnnotationDialog dialog(
        *a, controller->annotationPalette(), controller->linker()->sharedKnowledgeBase(), mentioned, parent);
    dialog.setFocusOn(focus);
    if (dialog.exec() != QDialog::Accepted)
        return false;
    Annotation after = *a;
    after.color = dialog.color();
    after.note = dialog.note();
    after.tags = dialog.tags();
    after.entityIds = dialog.entityIds();
    const QString what = after.tags != a->tags && after.note == a->note ? tr("Edit Tags")
        : after.entityIds != a->entityIds && after.note == a->note      ? tr("Link Entities")
        : after.color != a->color && after.note == a->note              ? tr("Recolour")
                                                                        : tr("Edit Annotation");
    annotations->change(after, what);
    return true;
}

} // namespace Lede
