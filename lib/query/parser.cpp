// SPDX-License-Identifier: MIT
#include "parser.h"

#include <QDate>
#include <QObject>
#include <QRegularExpression>

#include <optional>

namespace Lede::Query {

using namespace Qt::StringLiterals;

namespace {

struct Token
{
    enum Kind : quint8 { End, Open, Close, Word, Phrase, Term, And, Or, Not, Minus, Skip };
    Kind kind = End;
    SourceRange range;
    QString text; // Word, Phrase: the text; Term: the field name as typed
    bool prefix = false;
    QString value; // Term
    SourceRange valueRange;
};

bool isBreak(QChar c)
{
    return c.isSpace() || c == u'(' || c == u')' || c == u'"';
}

bool hasSearchable(QStringView text)
{
    for (QChar c : text) {
        if (c.isLetterOrNumber() || c.isSurrogate())
            return true;
    }
    return false;
}

std::optional<Field> fieldFromName(QStringView name)
{
    const QString lower = name.toString().toLower();
    if (lower == u"colour")
        return Field::Color;
    if (lower == u"organization")
        return Field::Organisation;
    const QStringList names = fieldNames();
    const qsizetype i = names.indexOf(lower);
    if (i < 0)
        return std::nullopt;
    return Field(i);
}

class Lexer
{
public:
    Lexer(QStringView s, QList<Error> &errors) : m_s(s), m_errors(errors) { }

    QList<Token> run()
    {
        QList<Token> out;
        while (true) {
            Token t = next();
            if (t.kind == Token::Skip)
                continue;
            out.append(t);
            if (t.kind == Token::End)
                return out;
        }
    }

private:
    void error(SourceRange range, const QString &message) { m_errors.append(Error{range, message}); }

    // A quoted stretch starting at the quote at m_i; leaves m_i after the closing quote.
    QString quoted(SourceRange *range)
    {
        const qsizetype open = m_i++;
        const qsizetype close = m_s.indexOf(u'"', m_i);
        QString text;
        if (close < 0) {
            error({open, m_s.size()}, QObject::tr("this quotation mark is never closed"));
            text = m_s.mid(m_i).toString();
            m_i = m_s.size();
        } else {
            text = m_s.mid(m_i, close - m_i).toString();
            m_i = close + 1;
        }
        *range = {open, m_i};
        return text;
    }

    bool takeStar()
    {
        bool star = false;
        while (m_i < m_s.size() && m_s[m_i] == u'*') {
            star = true;
            ++m_i;
        }
        return star;
    }

    Token next()
    {
        while (m_i < m_s.size() && m_s[m_i].isSpace())
            ++m_i;
        Token t;
        const qsizetype start = m_i;
        if (m_i >= m_s.size()) {
            t.range = {start, start};
            return t;
        }
        const QChar c = m_s[m_i];
        if (c == u'(' || c == u')') {
            t.kind = c == u'(' ? Token::Open : Token::Close;
            t.range = {start, ++m_i};
            return t;
        }
        if (c == u'"') {
            t.kind = Token::Phrase;
            t.text = quoted(&t.range);
            t.prefix = takeStar();
            t.range.end = m_i;
            if (!hasSearchable(t.text)) {
                if (t.text.trimmed().isEmpty())
                    error(t.range, QObject::tr("there is nothing between these quotation marks"));
                t.kind = Token::Skip;
            }
            return t;
        }
        if (c == u'-' && m_i + 1 < m_s.size() && !m_s[m_i + 1].isSpace() && m_s[m_i + 1] != u')') {
            t.kind = Token::Minus;
            t.range = {start, ++m_i};
            return t;
        }
        // A word, an operator or a field term.
        qsizetype j = m_i;
        while (j < m_s.size() && !isBreak(m_s[j]) && m_s[j] != u':')
            ++j;
        if (j < m_s.size() && m_s[j] == u':' && j > m_i) {
            const QStringView name = m_s.sliced(m_i, j - m_i);
            static const QRegularExpression letters(u"^[A-Za-z]+$"_s);
            if (letters.matchView(name).hasMatch())
                return term(name, j);
        }
        while (j < m_s.size() && !isBreak(m_s[j]))
            ++j;
        QStringView word = m_s.sliced(m_i, j - m_i);
        m_i = j;
        t.range = {start, j};
        if (word == u"AND" || word == u"OR" || word == u"NOT") {
            t.kind = word == u"AND" ? Token::And : word == u"OR" ? Token::Or : Token::Not;
            return t;
        }
        t.kind = Token::Word;
        while (word.endsWith(u'*')) {
            word.chop(1);
            t.prefix = true;
        }
        t.text = word.toString();
        if (word.isEmpty()) {
            error(t.range, QObject::tr("a * goes at the end of the beginning of a word, as in licen*"));
            t.kind = Token::Skip;
        } else if (!hasSearchable(word)) {
            t.kind = Token::Skip; // a dash or a stray punctuation mark between words
        }
        return t;
    }

    Token term(QStringView name, qsizetype colon)
    {
        Token t;
        t.kind = Token::Term;
        t.text = name.toString();
        const qsizetype start = m_i;
        m_i = colon + 1;
        if (m_i < m_s.size() && m_s[m_i] == u'"') {
            t.value = quoted(&t.valueRange);
            t.prefix = takeStar();
        } else {
            const qsizetype v = m_i;
            while (m_i < m_s.size() && !isBreak(m_s[m_i]))
                ++m_i;
            QStringView value = m_s.sliced(v, m_i - v);
            while (value.endsWith(u'*')) {
                value.chop(1);
                t.prefix = true;
            }
            t.value = value.toString();
            t.valueRange = {v, m_i};
        }
        t.range = {start, m_i};
        if (!fieldFromName(name)) {
            error({start, colon + 1},
                QObject::tr("there is no field \"%1:\"; the fields are %2 (put the words in quotes to search for them)")
                    .arg(name.toString(), fieldNames().join(u": "_s) + u':'));
            t.kind = Token::Skip;
        } else if (t.value.trimmed().isEmpty()) {
            error(t.range,
                QObject::tr("%1: needs a value, as in %2").arg(name.toString(), example(*fieldFromName(name))));
            t.kind = Token::Skip;
        }
        return t;
    }

    static QString example(Field f)
    {
        switch (f) {
        case Field::Company:
            return u"company:nvidia"_s;
        case Field::Chip:
            return u"chip:\"ascend 910b\""_s;
        case Field::Region:
            return u"region:\"southeast asia\""_s;
        case Field::Outlet:
            return u"outlet:reuters"_s;
        case Field::Since:
            return u"since:2025-04"_s;
        case Field::Until:
            return u"until:2025-06-30"_s;
        case Field::Has:
            return u"has:annotation"_s;
        case Field::Tag:
            return u"tag:chips"_s;
        case Field::Color:
            return u"color:yellow"_s;
        case Field::Title:
            return u"title:export"_s;
        case Field::Organisation:
            return u"organisation:\"european commission\""_s;
        }
        return {};
    }

    QStringView m_s;
    qsizetype m_i = 0;
    QList<Error> &m_errors;
};

// The first day of a year, month or day, and the first day after it.
std::optional<std::pair<QDate, QDate>> period(const QString &value)
{
    static const QRegularExpression re(u"^(\\d{4})(?:-(\\d{1,2})(?:-(\\d{1,2}))?)?$"_s);
    const QRegularExpressionMatch m = re.match(value);
    if (!m.hasMatch())
        return std::nullopt;
    const int year = m.captured(1).toInt();
    if (m.captured(2).isEmpty())
        return std::pair{QDate(year, 1, 1), QDate(year + 1, 1, 1)};
    const int month = m.captured(2).toInt();
    if (m.captured(3).isEmpty()) {
        const QDate first(year, month, 1);
        if (!first.isValid())
            return std::nullopt;
        return std::pair{first, first.addMonths(1)};
    }
    const QDate day(year, month, m.captured(3).toInt());
    if (!day.isValid())
        return std::nullopt;
    return std::pair{day, day.addDays(1)};
}

class Parser
{
public:
    Parser(QList<Token> tokens, QList<Error> &errors) : m_tokens(std::move(tokens)), m_errors(errors) { }

    Node run()
    {
        Node root = orExpr();
        while (peek().kind != Token::End) {
            // Only a closing bracket stops orExpr() before the end.
            error(peek().range, QObject::tr("this bracket closes nothing"));
            ++m_i;
            Node more = orExpr();
            root = combine(Node::And, std::move(root), std::move(more));
        }
        return root;
    }

private:
    const Token &peek() const { return m_tokens.at(m_i); }
    /// Brackets and NOTs nest at most this deep: every later step (the SQL, the sidebar's reading,
    /// the hits) walks the tree recursively, and a typed or pasted query must not exhaust the stack.
    static constexpr int maxDepth = 64;
    /// Past maxDepth: says so where it happened and passes over the rest of the query.
    Node tooDeep(const Token &t)
    {
        error(t.range, QObject::tr("brackets and NOTs nest more than %1 deep here").arg(maxDepth));
        m_i = m_tokens.size() - 1; // the End token
        return {};
    }
    void error(SourceRange range, const QString &message) { m_errors.append(Error{range, message}); }
    static bool endsOperand(Token::Kind k)
    {
        return k == Token::End || k == Token::Close || k == Token::Or || k == Token::And;
    }

    static Node combine(Node::Type type, Node a, Node b)
    {
        if (a.isEmpty())
            return b;
        if (b.isEmpty())
            return a;
        Node n;
        n.type = type;
        n.range = {std::min(a.range.start, b.range.start), std::max(a.range.end, b.range.end)};
        for (Node *x : {&a, &b}) {
            if (x->type == type) {
                for (Node &c : x->children)
                    n.children.push_back(std::move(c));
            } else {
                n.children.push_back(std::move(*x));
            }
        }
        return n;
    }

    Node orExpr()
    {
        if (peek().kind == Token::Or) {
            error(peek().range, QObject::tr("OR needs something before it"));
            ++m_i;
        }
        Node left = andExpr();
        while (peek().kind == Token::Or) {
            const Token op = peek();
            ++m_i;
            if (endsOperand(peek().kind)) {
                error(op.range, QObject::tr("OR needs something after it"));
                continue;
            }
            if (left.isEmpty())
                error(op.range, QObject::tr("OR needs something before it"));
            left = combine(Node::Or, std::move(left), andExpr());
        }
        return left;
    }

    Node andExpr()
    {
        Node out;
        while (true) {
            const Token &t = peek();
            if (t.kind == Token::End || t.kind == Token::Close || t.kind == Token::Or)
                return out;
            if (t.kind == Token::And) {
                const Token op = t;
                ++m_i;
                if (out.isEmpty())
                    error(op.range, QObject::tr("AND needs something before it"));
                else if (endsOperand(peek().kind))
                    error(op.range, QObject::tr("AND needs something after it"));
                continue;
            }
            out = combine(Node::And, std::move(out), unary());
        }
    }

    Node unary()
    {
        const Token t = peek();
        if (t.kind == Token::Not || t.kind == Token::Minus) {
            ++m_i;
            if (endsOperand(peek().kind)) {
                error(t.range,
                    t.kind == Token::Not ? QObject::tr("NOT needs something after it")
                                         : QObject::tr("- needs a word right after it, as in -nvidia"));
                return {};
            }
            if (m_depth >= maxDepth)
                return tooDeep(t);
            ++m_depth;
            Node child = unary();
            --m_depth;
            if (child.isEmpty())
                return child;
            Node n;
            n.type = Node::Not;
            n.range = {t.range.start, child.range.end};
            n.children.push_back(std::move(child));
            return n;
        }
        return primary();
    }

    Node primary()
    {
        const Token t = peek();
        ++m_i;
        Node n;
        n.range = t.range;
        switch (t.kind) {
        case Token::Open: {
            if (m_depth >= maxDepth)
                return tooDeep(t);
            ++m_depth;
            Node inner = orExpr();
            --m_depth;
            if (peek().kind == Token::Close) {
                const qsizetype end = peek().range.end;
                ++m_i;
                if (inner.isEmpty()) {
                    error({t.range.start, end}, QObject::tr("there is nothing between these brackets"));
                    return inner;
                }
                inner.range = {t.range.start, end};
            } else {
                error(t.range, QObject::tr("this bracket is never closed"));
            }
            return inner;
        }
        case Token::Word:
        case Token::Phrase:
            n.type = t.kind == Token::Word ? Node::Word : Node::Phrase;
            n.text = t.text;
            n.prefix = t.prefix;
            return n;
        case Token::Term:
            return term(t);
        default:
            return {}; // End, Close, operators: handled by the callers
        }
    }

    Node term(const Token &t)
    {
        Node n;
        n.type = Node::Term;
        n.range = t.range;
        n.field = *fieldFromName(t.text);
        n.value = t.value.simplified();
        n.valueRange = t.valueRange;
        n.prefix = t.prefix;
        switch (n.field) {
        case Field::Since:
        case Field::Until:
            if (const auto p = period(n.value)) {
                n.dateStart = p->first.toString(Qt::ISODate);
                n.dateEnd = p->second.toString(Qt::ISODate);
            } else {
                error(n.valueRange,
                    QObject::tr("\"%1\" is not a date; write a year, a month or a day: 2025, 2025-04, 2025-04-16")
                        .arg(n.value));
            }
            break;
        case Field::Has: {
            const QString v = n.value.toLower();
            if (v == u"annotation" || v == u"annotations" || v == u"highlight" || v == u"highlights")
                n.has = u"annotation"_s;
            else if (v == u"note" || v == u"notes")
                n.has = u"note"_s;
            else
                error(n.valueRange, QObject::tr("has: takes annotation or note, not \"%1\"").arg(n.value));
            break;
        }
        default:
            break;
        }
        return n;
    }

    QList<Token> m_tokens;
    qsizetype m_i = 0;
    int m_depth = 0;
    QList<Error> &m_errors;
};

} // namespace

ParseResult parse(QStringView query)
{
    ParseResult result;
    QList<Token> tokens = Lexer(query, result.errors).run();
    result.root = Parser(std::move(tokens), result.errors).run();
    std::stable_sort(result.errors.begin(), result.errors.end(),
        [](const Error &a, const Error &b) { return a.range.start < b.range.start; });
    return result;
}

} // namespace Lede::Query
