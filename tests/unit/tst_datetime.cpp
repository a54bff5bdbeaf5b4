// SPDX-License-Identifier: MIT
#include "text/datetime.h"

#include <QtTest>

using namespace Qt::StringLiterals;

class TestDateTime : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void parse_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("iso"); // empty: not a date
        QTest::addColumn<bool>("hasTime");
        QTest::newRow("iso date") << u"2025-02-13"_s << u"2025-02-13"_s << false;
        QTest::newRow("iso local time") << u"2025-02-13 11:49:08"_s << u"2025-02-13T11:49:08"_s << true;
        QTest::newRow("iso with Z") << u"2025-02-13T11:49:08Z"_s << u"2025-02-13T11:49:08Z"_s << true;
        QTest::newRow("iso with offset") << u"2025-05-23T09:30:00+08:00"_s << u"2025-05-23T09:30:00+08:00"_s << true;
        QTest::newRow("iso fractional") << u"2025-05-23T09:30:00.123-05:00"_s << u"2025-05-23T09:30:00-05:00"_s << true;
        QTest::newRow("rfc 2822") << u"Thu, 13 Feb 2025 11:49:08 GMT"_s << u"2025-02-13T11:49:08Z"_s << true;
        QTest::newRow("rfc 2822 offset") << u"Wed, 31 Jan 2018 07:26:05 +0100"_s << u"2018-01-31T07:26:05+01:00"_s
                                         << true;
        QTest::newRow("us long") << u"September 14, 2023"_s << u"2023-09-14"_s << false;
        QTest::newRow("us short dot") << u"Dec. 5, 2024"_s << u"2024-12-05"_s << false;
        QTest::newRow("us with pm") << u"Feb 13, 2025 3:05 PM EST"_s << u"2025-02-13T15:05:00-05:00"_s << true;
        QTest::newRow("european") << u"13 February 2025"_s << u"2025-02-13"_s << false;
        QTest::newRow("day first with pm") << u"18 Nov 2019 8:11 pm"_s << u"2019-11-18T20:11:00"_s << true;
        QTest::newRow("chinese") << u"2025年2月13日"_s << u"2025-02-13"_s << false;
        QTest::newRow("slashes") << u"2025/02/13"_s << u"2025-02-13"_s << false;
        QTest::newRow("compact") << u"20250213"_s << u"2025-02-13"_s << false;
        QTest::newRow("invalid day") << u"2025-02-30"_s << QString() << false;
        QTest::newRow("prose") << u"The move marks a pivot"_s << QString() << false;
        QTest::newRow("empty") << QString() << QString() << false;
        QTest::newRow("month name only") << u"Maybe 13, 2025"_s << QString() << false;
    }
    void parse()
    {
        QFETCH(QString, input);
        QFETCH(QString, iso);
        QFETCH(bool, hasTime);
        const Lede::ParsedDate d = Lede::parseDate(input);
        QCOMPARE(d.isValid(), !iso.isEmpty());
        if (iso.isEmpty())
            return;
        QCOMPARE(d.hasTime, hasTime);
        const QString got = hasTime ? d.value.toString(Qt::ISODate) : d.value.date().toString(Qt::ISODate);
        QCOMPARE(got, iso);
    }

    // Dates found in pages, written as ISO 8601 with their offset from UTC as the source gave it.
    void normalize_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("iso"); // empty: no date
        QTest::newRow("rfc 2822 negative offset")
            << u"Mon, 18 Nov 2019 14:03:00 -0500"_s << u"2019-11-18T14:03:00-05:00"_s;
        QTest::newRow("rfc 2822 negative half-hour offset")
            << u"Mon, 18 Nov 2019 14:03:00 -0330"_s << u"2019-11-18T14:03:00-03:30"_s;
        QTest::newRow("rfc 2822 positive offset")
            << u"Mon, 18 Nov 2019 14:03:00 +0530"_s << u"2019-11-18T14:03:00+05:30"_s;
        QTest::newRow("rfc 2822 gmt") << u"Mon, 18 Nov 2019 14:03:00 GMT"_s << u"2019-11-18T14:03:00+00:00"_s;
        QTest::newRow("iso negative offset") << u"2019-11-18T14:03:00-05:00"_s << u"2019-11-18T14:03:00-05:00"_s;
        QTest::newRow("iso Z with fraction") << u"2019-11-18T14:03:00.123Z"_s << u"2019-11-18T14:03:00+00:00"_s;
        QTest::newRow("iso without offset") << u"2019-11-18 14:03"_s << u"2019-11-18T14:03:00"_s;
        QTest::newRow("iso date") << u"2019-11-18"_s << u"2019-11-18"_s;
        QTest::newRow("unix seconds") << u"1574085780"_s << u"2019-11-18T14:03:00+00:00"_s;
        QTest::newRow("in a line") << u"Posted on May 20, 2019"_s << u"2019-05-20"_s;
        QTest::newRow("prose") << u"The move marks a pivot"_s << QString();
    }
    void normalize()
    {
        QFETCH(QString, input);
        QFETCH(QString, iso);
        QCOMPARE(Lede::normalizeDateTime(input), iso);
    }

    // The ISO text written for a date reads back as the same moment.
    void isoRoundTrip()
    {
        const Lede::ParsedDate d = Lede::findDate(u"Mon, 18 Nov 2019 14:03:00 -0500");
        QVERIFY(d.hasOffset);
        const Lede::ParsedDate back = Lede::parseDate(Lede::toIsoString(d));
        QVERIFY(back.isValid());
        QCOMPARE(back.value, d.value);
        QCOMPARE(back.value.offsetFromUtc(), -5 * 3600);
    }
};

QTEST_GUILESS_MAIN(TestDateTime)
#include "tst_datetime.moc"
