// SPDX-License-Identifier: MIT
// The hard cases of telling what a name refers to, linked with the shipped knowledge base: each row
// gives a text and the mentions it must yield ("id@start-end"), nothing more and nothing less.
#include "kb/knowledgebase.h"
#include "link/linker.h"

#include "linkertest.h"

#include <QtTest>

using namespace Qt::StringLiterals;

namespace { } // namespace

class TestDisambiguation : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void hardCases_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("government metonym")
            << u"Washington expanded its chip export controls."_s << QStringList{u"region/us@0-10"_s};
        QTest::newRow("metonym read as the city")
            << u"He flew to Washington on Monday."_s << QStringList{u"region/washington-dc@11-21"_s};
        QTest::newRow("-based makes it the city")
            << u"a Washington-based think tank"_s << QStringList{u"region/washington-dc@2-12"_s};
        QTest::newRow("compass word makes it the state")
            << u"wheat farms in eastern Washington"_s << QStringList{u"region/us-wa@23-33"_s};
        QTest::newRow("state spelled out")
            << u"Washington state lawmakers met."_s << QStringList{u"region/us-wa@0-16"_s};
        QTest::newRow("first president") << u"George Washington crossed the river."_s << QStringList{};
        QTest::newRow("actor") << u"Denzel Washington stars in the film."_s << QStringList{};
        QTest::newRow("title before a surname") << u"Mr Washington declined to comment."_s << QStringList{};
        QTest::newRow("newspaper, longest match")
            << u"The Washington Post reported it."_s << QStringList{u"company/washington-post@0-19"_s};
        QTest::newRow("Beijing the government")
            << u"Beijing retaliated with tariffs."_s << QStringList{u"region/cn@0-7"_s};
        QTest::newRow("Beijing the city") << u"offices in Beijing"_s << QStringList{u"region/beijing@11-18"_s};
        QTest::newRow("Beijing-based") << u"a Beijing-based start-up"_s << QStringList{u"region/beijing@2-9"_s};
        QTest::newRow("Moscow the government")
            << u"Moscow condemned the sanctions."_s << QStringList{u"region/ru@0-6"_s};
        QTest::newRow("Moscow the city") << u"protests in Moscow"_s << QStringList{u"region/moscow@12-18"_s};
        QTest::newRow("London-listed") << u"the London-listed fintech"_s << QStringList{u"region/london@4-10"_s};
        QTest::newRow("dateline") << u"LONDON, ENGLAND, March 27, 2025"_s
                                  << QStringList{u"region/london@0-6"_s, u"region/england@8-15"_s};
        // A place written with its state names both.
        QTest::newRow("city, state") << u"Astera Labs, headquartered in Santa Clara, California, makes chips."_s
                                     << QStringList{u"company/astera-labs@0-11"_s, u"region/santa-clara@30-41"_s,
                                            u"region/us-ca@43-53"_s};
        QTest::newRow("city, state in the place's own name")
            << u"He works in Cambridge, Massachusetts, at a lab."_s
            << QStringList{u"region/cambridge-ma@12-21"_s, u"region/us-ma@23-36"_s};
        QTest::newRow("CJK metonym, place") << u"会晤在华盛顿举行"_s << QStringList{u"region/washington-dc@3-6"_s};
        QTest::newRow("H20 the chip") << u"Nvidia's H20 chip sales to China"_s
                                      << QStringList{
                                             u"company/nvidia@0-6"_s, u"chip/nvidia-h20@9-12"_s, u"region/cn@27-32"_s};
        QTest::newRow("H20 with no chip words") << u"Drink more H20 every day."_s << QStringList{};
        QTest::newRow("H20 in Chinese") << u"英伟达H20芯片"_s
                                        << QStringList{u"company/nvidia@0-3"_s, u"chip/nvidia-h20@3-6"_s};
        QTest::newRow("Apple the company")
            << u"Apple reported record iPhone sales."_s << QStringList{u"company/apple@0-5"_s};
        QTest::newRow("Apple the fruit at sentence start") << u"Apple pie is a classic dessert."_s << QStringList{};
        QTest::newRow("apple in lower case") << u"He ate an apple."_s << QStringList{};
        QTest::newRow("Arm Holdings") << u"Arm Holdings licenses chip designs."_s << QStringList{u"company/arm@0-12"_s};
        QTest::newRow("Arm mid-sentence")
            << u"The chip designer Arm raised prices."_s << QStringList{u"company/arm@18-21"_s};
        QTest::newRow("Arm the verb at sentence start")
            << u"Arm yourself with facts before the debate."_s << QStringList{};
        QTest::newRow("intel the slang") << u"We have good intel on the rebels."_s << QStringList{};
        QTest::newRow("Intel the company") << u"Intel shares rose."_s << QStringList{u"company/intel@0-5"_s};
        QTest::newRow("the Fed") << u"Stocks rose after the Fed held interest rates."_s
                                 << QStringList{u"organisation/federal-reserve@22-25"_s};
        QTest::newRow("fed the verb") << u"Fed up with delays, buyers fed their plans to rivals."_s << QStringList{};
        QTest::newRow("a Reserve Bank") << u"The New York Fed said inflation eased."_s
                                        << QStringList{u"organisation/new-york-fed@4-16"_s};
        // `case = capitalised` rules out a lower-case common word; a name in a script without case has none.
        QTest::newRow("Intel in Chinese") << u"英特尔股价上涨。"_s << QStringList{u"company/intel@0-3"_s};
        QTest::newRow("Amazon in Chinese") << u"亚马逊发布财报。"_s << QStringList{u"company/amazon@0-3"_s};
        // `not_before` / `not_after`: a short Chinese name inside a longer word is not the company.
        QTest::newRow("Qualcomm in Chinese") << u"高通发布新芯片。"_s << QStringList{u"company/qualcomm@0-2"_s};
        QTest::newRow("high inflation") << u"美国面临高通胀压力。"_s << QStringList{u"region/us@0-2"_s};
        QTest::newRow("raise the pass rate") << u"要提高通过率。"_s << QStringList{};
        QTest::newRow("Bank of China") << u"中国银行发布年报。"_s << QStringList{u"company/bank-of-china@0-4"_s};
        QTest::newRow("China's banking industry") << u"中国银行业利润下降。"_s << QStringList{u"region/cn@0-2"_s};
        QTest::newRow("a founder's name holding the company's")
            << u"小鹏汽车董事长何小鹏表示，小鹏将推出新车。"_s
            << QStringList{u"company/xpeng@0-4"_s, u"company/xpeng@13-15"_s};
        // Outlets and data firms whose names are also words: the word is not linked, the outlet is.
        QTest::newRow("billion euros") << u"拨款十亿欧元。"_s << QStringList{};
        QTest::newRow("EqualOcean reported") << u"据亿欧报道，"_s << QStringList{u"company/iyiou@1-3"_s};
        QTest::newRow("speed up technology") << u"要加快科技创新。"_s << QStringList{};
        QTest::newRow("MyDrivers news") << u"快科技11月1日消息，"_s << QStringList{u"company/mydrivers@0-3"_s};
        QTest::newRow("social work department") << u"中央社会工作部成立。"_s << QStringList{};
        QTest::newRow("Taiwan's Central News Agency")
            << u"据中央社报道，"_s << QStringList{u"company/cna-taiwan@1-4"_s};
        QTest::newRow("chip-industry observers") << u"半导体行业观察人士指出，"_s << QStringList{};
        QTest::newRow("qubits") << u"这台计算机有50个量子位。"_s << QStringList{};
        QTest::newRow("QbitAI reported") << u"量子位报道，"_s << QStringList{u"company/qbitai@0-3"_s};
        QTest::newRow("Wind the data terminal")
            << u"Wind data showed margins rose."_s << QStringList{u"company/wind@0-4"_s};
        QTest::newRow("wind power") << u"Wind power capacity grew."_s << QStringList{};
        QTest::newRow("ten thousand, then a verb") << u"一千万得到批准。"_s << QStringList{};
        QTest::newRow("Rest of World the outlet")
            << u"Rest of World reported that the factory closed."_s << QStringList{u"company/rest-of-world@0-13"_s};
        QTest::newRow("rest of world in a segment report") << u"Rest of World revenue fell."_s << QStringList{};
        QTest::newRow("Forrester the research firm")
            << u"Forrester analysts expect growth."_s << QStringList{u"company/forrester@0-9"_s};
        QTest::newRow("Forrester the surname")
            << u"Forrester analysts expect growth, John Forrester said."_s << QStringList{u"company/forrester@0-9"_s};
        QTest::newRow("the sky-eye telescope found") << u"中国天眼查到新脉冲星。"_s << QStringList{u"region/cn@0-2"_s};
        QTest::newRow("an explanatory report") << u"他提交了說明報告。"_s << QStringList{};
        QTest::newRow("a common word in lower case") << u"They whacked through weeds and brambles."_s << QStringList{};
        QTest::newRow("a package name in lower case") << u"Run npm install -g @openai/codex first."_s << QStringList{};
        QTest::newRow("a capital inside a lower-case name")
            << u"Prices on stockX rose."_s << QStringList{u"company/stockx@10-16"_s};
        QTest::newRow("an index named after a company") << u"The Dow Jones Industrial Average rose."_s << QStringList{};
        QTest::newRow("a venue named after a company") << u"The tour ends at Bridgestone Arena."_s << QStringList{};
        QTest::newRow("a prize named after a company")
            << u"She won the Deutsche Börse Photography Prize."_s << QStringList{};
        QTest::newRow("a founder named like the company")
            << u"The company was started by founder Michael Dell in Texas."_s << QStringList{u"region/us-tx@51-56"_s};
        QTest::newRow("the company named like its founder")
            << u"Dell raised its forecast."_s << QStringList{u"company/dell@0-4"_s};
        QTest::newRow("a title before a surname")
            << u"A spokesman for Mr Bloomberg declined to comment."_s << QStringList{};
        QTest::newRow("an author in a citation") << u"Yoshida K, Takeda K, Kasai T, et al."_s << QStringList{};
        QTest::newRow("a company named like a person mid-sentence")
            << u"Shares of Dell rose."_s << QStringList{u"company/dell@10-14"_s};
        QTest::newRow("a surname-like company after a sentence's full stop")
            << u"It launched last Tuesday. Disney said demand was strong."_s << QStringList{u"company/disney@26-32"_s};
        QTest::newRow("China and the US by a character each")
            << u"中美关系趋于缓和。"_s << QStringList{u"region/cn@0-1"_s, u"region/us@1-2"_s};
        QTest::newRow("two countries closing a phrase")
            << u"欧洲的技术落后于中美，需要追赶。"_s
            << QStringList{u"region/europe@0-2"_s, u"region/cn@8-9"_s, u"region/us@9-10"_s};
        QTest::newRow("Japan and Korea") << u"日韩股市走高。"_s << QStringList{u"region/jp@0-1"_s, u"region/kr@1-2"_s};
        QTest::newRow("Central America is no pair") << u"中美洲国家"_s << QStringList{u"region/central-america@0-3"_s};
        QTest::newRow("a pair inside a word") << u"其中美国最多"_s << QStringList{u"region/us@2-4"_s};
        QTest::newRow("a pair before a currency") << u"集中美元资产"_s << QStringList{};
        QTest::newRow("a pair opening an institution's name") << u"美中合作基金会主席表示"_s << QStringList{};
        QTest::newRow("Apple in Chinese, the company")
            << u"苹果股价上涨，市值创新高。"_s << QStringList{u"company/apple@0-2"_s};
        QTest::newRow("apples, the fruit") << u"今年苹果丰收，果农很高兴。"_s << QStringList{};
        QTest::newRow("apple juice") << u"这家公司卖苹果汁。"_s << QStringList{};
        // Short Chinese names of listed companies that sit inside common words; the word near them
        // is one of the record's context words, so only `not_before` / `not_after` keep them out.
        QTest::newRow("Rio Tinto in Chinese") << u"力拓公布铁矿石产量。"_s << QStringList{u"company/rio-tinto@0-2"_s};
        QTest::newRow("strive to expand") << u"矿业公司努力拓展市场。"_s << QStringList{};
        QTest::newRow("Danone in Chinese") << u"达能的酸奶销量增长。"_s << QStringList{u"company/danone@0-2"_s};
        QTest::newRow("ability to express") << u"乳业员工的表达能力很强。"_s << QStringList{};
        QTest::newRow("Toray in Chinese") << u"东丽的碳纤维供应增加。"_s << QStringList{u"company/toray@0-2"_s};
        QTest::newRow("Dongli District") << u"天津东丽区的碳纤维工厂开工。"_s << QStringList{u"region/tianjin@0-2"_s};
        QTest::newRow("Richemont in Chinese")
            << u"历峰集团销售增长，奢侈品需求回升。"_s << QStringList{u"company/richemont@0-2"_s};
        QTest::newRow("passed a peak") << u"奢侈品股价经历峰值后回落。"_s << QStringList{};
        QTest::newRow("Sumco in Chinese") << u"胜高的硅片出货增长。"_s << QStringList{u"company/sumco@0-2"_s};
        QTest::newRow("the college entrance exam") << u"决胜高考，硅片专业报名火爆。"_s << QStringList{};
        QTest::newRow("Trumpf in Chinese") << u"通快的激光业务增长。"_s << QStringList{u"company/trumpf@0-2"_s};
        QTest::newRow("fast traffic") << u"半导体园区交通快速发展。"_s << QStringList{};
        QTest::newRow("ABN AMRO in Chinese") << u"荷兰银行公布业绩。"_s << QStringList{u"company/abn-amro@0-4"_s};
        QTest::newRow("a Dutch bank") << u"一家荷兰银行表示将裁员。"_s << QStringList{u"region/nl@2-4"_s};
        QTest::newRow("Airbus in Chinese") << u"空客交付了更多飞机。"_s << QStringList{u"company/airbus@0-2"_s};
        QTest::newRow("air passenger traffic") << u"航空客运量回升，飞机订单增加。"_s << QStringList{};
        QTest::newRow("Daikin in Chinese") << u"大金的空调销量增长。"_s << QStringList{u"company/daikin@0-2"_s};
        QTest::newRow("a large sum") << u"空调厂商签下大金额订单。"_s << QStringList{};
        QTest::newRow("Denso in Chinese")
            << u"电装向丰田供应零部件。"_s << QStringList{u"company/denso@0-2"_s, u"company/toyota@3-5"_s};
        QTest::newRow("electrical equipment") << u"汽车用电装置需要检修。"_s << QStringList{};
        QTest::newRow("Nordson in Chinese") << u"诺信发布财报。"_s << QStringList{u"company/nordson@0-2"_s};
        QTest::newRow("a letter of commitment") << u"双方签署承诺信。"_s << QStringList{};
        QTest::newRow("Qantas in Chinese") << u"澳洲航空削减航班。"_s << QStringList{u"company/qantas@0-4"_s};
        QTest::newRow("Australia's airline industry") << u"澳洲航空业复苏。"_s << QStringList{u"region/au@0-2"_s};
        QTest::newRow("the German telecom market") << u"德国电信市场竞争激烈。"_s << QStringList{u"region/de@0-2"_s};
        QTest::newRow("CRH the building-materials group")
            << u"CRH, the building-materials group, raised its outlook."_s << QStringList{u"company/crh@0-3"_s};
        QTest::newRow("CRH the high-speed trains") << u"The CRH train left on time."_s << QStringList{};
        QTest::newRow("Ultra Clean the supplier")
            << u"Ultra Clean said demand for subsystems rose."_s << QStringList{u"company/ultra-clean@0-11"_s};
        QTest::newRow("ultra clean rooms") << u"Chips are made in ultra clean rooms."_s << QStringList{};
        QTest::newRow("expand energy, the phrase")
            << u"Utilities plan to expand energy storage near gas plants."_s << QStringList{};
        QTest::newRow("Expand Energy the gas producer")
            << u"Expand Energy raised its natural gas output."_s << QStringList{u"company/expand-energy@0-13"_s};
        QTest::newRow("chewy the texture") << u"Chewy cookies sold well at the bakery."_s << QStringList{};
        QTest::newRow("Chewy the retailer")
            << u"Shares of Chewy rose after the pet retailer's earnings."_s << QStringList{u"company/chewy@10-15"_s};
        QTest::newRow("PDF solutions, the software")
            << u"Adobe sells PDF solutions to offices."_s << QStringList{u"company/adobe@0-5"_s};
        QTest::newRow("Kunlun the chip") << u"Baidu said Kunlun will power its AI cloud."_s
                                         << QStringList{u"company/baidu@0-5"_s, u"chip/baidu-kunlun@11-17"_s};
        QTest::newRow("Kunlun the mountains") << u"They trekked across the Kunlun mountains."_s << QStringList{};
        QTest::newRow("Amazon the rainforest") << u"Fires in the Amazon rainforest spread."_s << QStringList{};
        QTest::newRow("Amazon the company")
            << u"Amazon's AWS unit grew."_s << QStringList{u"company/amazon@0-6"_s, u"company/aws@9-12"_s};
        QTest::newRow("Meta-analysis") << u"A Meta-analysis of twelve trials"_s << QStringList{};
        QTest::newRow("Shell at sentence start, not the company")
            << u"Shell companies hide their owners."_s << QStringList{};
        QTest::newRow("Shell the company")
            << u"Shell raised its dividend as oil prices rose."_s << QStringList{u"company/shell@0-5"_s};
        QTest::newRow("micron the unit") << u"particles of 10 micron"_s << QStringList{};
        QTest::newRow("Micron the company")
            << u"Micron Technology makes memory."_s << QStringList{u"company/micron@0-17"_s};
        QTest::newRow("exchange as ticker prefix")
            << u"Walt Disney Company (NYSE: DIS) fell."_s << QStringList{u"company/disney@0-19"_s};
        QTest::newRow("exchange named") << u"shares listed on the NYSE"_s << QStringList{u"company/nyse@21-25"_s};
        // The university is an organisation of its own; the place inside its name is not linked.
        QTest::newRow("place in a university's name")
            << u"a student at Zhejiang University"_s << QStringList{u"organisation/zhejiang-university@13-32"_s};
        QTest::newRow("university of a place")
            << u"a professor at the University of Southern California"_s << QStringList{};
        QTest::newRow("possessive metonym is the government")
            << u"people close to Beijing's policymakers"_s << QStringList{u"region/cn@16-23"_s};
        QTest::newRow("slash between names")
            << u"OpenAI/Apple in 2026"_s << QStringList{u"company/openai@0-6"_s, u"company/apple@7-12"_s};
        QTest::newRow("inside a web address") << u"see https://www.reuters.com/technology"_s << QStringList{};
        QTest::newRow("after a web address and Chinese punctuation")
            << u"本周计算机板块上涨12.63%。https://example.cn【资讯】板块个股涨幅前五名分别为：乐鑫科技、宝兰德。"_s
            << QStringList{u"company/espressif@51-55"_s};
        QTest::newRow("Chinese text inside a web address") << u"https://example.cn/乐鑫科技/news"_s << QStringList{};
        QTest::newRow("university in Chinese")
            << u"东京大学教授"_s << QStringList{u"organisation/university-of-tokyo@0-4"_s};
        QTest::newRow("place opening a Chinese institution's name")
            << u"克罗地亚地缘经济论坛主席表示，瑞典“一带一路”研究所副所长指出"_s << QStringList{};
        QTest::newRow("place before 的 and an institution") << u"美国的研究所"_s << QStringList{u"region/us@0-2"_s};
        QTest::newRow("place opening a company's name")
            << u"Riyadh Cement and Pakistan National Shipping rose."_s << QStringList{};
        QTest::newRow("place opening a company's name, possessive")
            << u"Riyadh Cement's results and Riyadh Cement' shares"_s << QStringList{};
        QTest::newRow("company name glued to its suffix")
            << u"Jiangsu Aisen Semiconductor MaterialLtd"_s << QStringList{};
        QTest::newRow("adjective opening a company's name") << u"Dutch Bros reported sales."_s << QStringList{};
        QTest::newRow("title-case headline keeps its place")
            << u"China Tech Shares Slide"_s << QStringList{u"region/cn@0-5"_s};
        QTest::newRow("country before a government body keeps its place")
            << u"Kenya Shipping Authority, the regulator"_s << QStringList{u"region/ke@0-5"_s};
        // A city, province or macro-region opening the Chinese name of a body is part of the name; a
        // country there says whose body it is.
        QTest::newRow("city opening the New York Fed's Chinese name")
            << u"美国1月纽约联储1年通胀预期"_s << QStringList{u"region/us@0-2"_s, u"organisation/new-york-fed@4-8"_s};
        QTest::newRow("district court of a city, country kept")
            << u"美国哥伦比亚特区地方法院法官批准暂停"_s << QStringList{u"region/us@0-2"_s};
        QTest::newRow("city opening a district bureau's name")
            << u"取得了北京市门头沟区市场监督管理局换发的营业执照"_s << QStringList{};
        QTest::newRow("city before a clause break stays")
            << u"纽约，联储官员表示"_s << QStringList{u"region/new-york-city@0-2"_s};
        QTest::newRow("job title after a bank's name")
            << u"New York Federal Reserve Bank President John Williams will speak."_s
            << QStringList{u"organisation/new-york-fed@0-29"_s};
        QTest::newRow("media network's name") << u"the Asia Pacific Media Network at the university"_s << QStringList{};
        QTest::newRow("football club") << u"FC Barcelona now uses the system."_s << QStringList{};
        QTest::newRow("short name of a company written in full elsewhere")
            << u"Hangzhou Seck Intelligent Technology (SZSE:300897) grew. Revenue for Hangzhou Seck comes from "
               "instruments."_s
            << QStringList{};
        QTest::newRow("the place itself after a company named for it")
            << u"Hangzhou Seck Intelligent Technology grew. Hangzhou Tourism rose in spring."_s
            << QStringList{u"region/hangzhou@43-51"_s};
        QTest::newRow("abbreviation continued") << u"Ahli Bank (B.S.C.)"_s << QStringList{};
        QTest::newRow("time zone, Chinese") << u"北京时间22:00"_s << QStringList{};
        QTest::newRow("time zone after a clock") << u"3:00PM Taipei (2:00AM New York)"_s << QStringList{};
        QTest::newRow("picture credit") << u"图片来源：视觉中国"_s << QStringList{};
        QTest::newRow("social accounts in a contact block")
            << u"Twitter: @AcmeIR\nFacebook: AcmeInc"_s << QStringList{};
        QTest::newRow("share button") << u"Reddit Post"_s << QStringList{};
        QTest::newRow("the outlet's promotion")
            << u"For Reuters' full calendar, [click here](https://example.com)."_s << QStringList{};
        QTest::newRow("the outlet's promotion is a short line")
            << u"Reddit said it would list its shares next month, and its chief executive told reporters on a call "
               "that the offering would be priced within a range set by its bankers later this week, after a "
               "roadshow with investors; for the full calendar of listings, click here."_s
            << QStringList{u"company/reddit@0-6"_s};
        QTest::newRow("a credit label after a long run of spaces, in a long paragraph") << QString(QString(300, u' ')
            + u"Image by Reddit. "_s + u"The photograph shows the trading floor on a busy morning. "_s.repeated(6))
                                                                                        << QStringList{};
        QTest::newRow("the company in prose")
            << u"Reddit said it would list shares."_s << QStringList{u"company/reddit@0-6"_s};
        QTest::newRow("company opening an event's name")
            << u"the TD Cowen Aerospace and Defense Conference"_s << QStringList{};
        // Finance firms whose names are also family names, places or words (resources/kb/companies-finance.kb).
        QTest::newRow("body opening an event's name followed by a comma")
            << u"At the United Nations Climate Action Summit, Prime Minister Narendra Modi spoke."_s << QStringList{};
        QTest::newRow("firm opening an event's name that lists its subjects")
            << u"the Wolfe Research Auto, Auto Tech and Semiconductor Conference"_s << QStringList{};
        QTest::newRow("Rosenblatt the research firm") << u"Rosenblatt analyst Kevin Cassidy raised his price target."_s
                                                      << QStringList{u"company/rosenblatt@0-10"_s};
        QTest::newRow("Rosenblatt the scientist")
            << u"Frank Rosenblatt built the perceptron in 1958."_s << QStringList{};
        QTest::newRow("Baird the broker")
            << u"Baird upgraded the stock to Outperform."_s << QStringList{u"company/baird@0-5"_s};
        QTest::newRow("Baird the family name") << u"John Baird demonstrated television in 1926."_s << QStringList{};
        QTest::newRow("Oppenheimer the broker") << u"Oppenheimer analyst Rick Schafer kept his Outperform rating."_s
                                                << QStringList{u"company/oppenheimer@0-11"_s};
        QTest::newRow("Oppenheimer the physicist")
            << u"Oppenheimer built the bomb and became famous."_s << QStringList{};
        QTest::newRow("Millennium the hedge fund")
            << u"Millennium, the hedge fund, took a stake."_s << QStringList{u"company/millennium@0-10"_s};
        QTest::newRow("millennium the word")
            << u"The Millennium Bridge opened in 2000, a new millennium."_s << QStringList{};
        QTest::newRow("Susquehanna the river") << u"Flooding along the Susquehanna closed roads."_s << QStringList{};
        QTest::newRow("Susquehanna the analysts") << u"Susquehanna analyst Christopher Rolland cut his price target."_s
                                                  << QStringList{u"company/susquehanna@0-11"_s};
        QTest::newRow("benchmark the word") << u"Benchmark yields rose as the benchmark index fell."_s << QStringList{};
        QTest::newRow("The Benchmark Company")
            << u"The Benchmark Company rates the shares a buy."_s << QStringList{u"company/benchmark-company@0-21"_s};
        QTest::newRow("two sigma the statistic") << u"The result lies two sigma from the mean."_s << QStringList{};
        QTest::newRow("Two Sigma the fund")
            << u"Two Sigma raised its stake."_s << QStringList{u"company/two-sigma@0-9"_s};
        QTest::newRow("third point of a list") << u"The third point is cost."_s << QStringList{};
        QTest::newRow("a founders fund") << u"The startup set up a founders fund for staff."_s << QStringList{};
        QTest::newRow("Founders Fund led a round")
            << u"Founders Fund led the round."_s << QStringList{u"company/founders-fund@0-13"_s};
        QTest::newRow("broker in Chinese, full name")
            << u"据东吴证券研报，易方达基金增持。"_s
            << QStringList{u"company/soochow-securities@1-5"_s, u"company/e-fund@8-13"_s};
        QTest::newRow("ChiNext after a ranking, not First Capital") << u"排名第一创业板指数上涨"_s << QStringList{};
        QTest::newRow("First Capital Securities in Chinese")
            << u"第一创业发布公告"_s << QStringList{u"company/first-capital-securities@0-4"_s};
        QTest::newRow("company in a title-case headline about an event")
            << u"Intel CEO To Speak At Tech Conference"_s << QStringList{u"company/intel@0-5"_s};
        QTest::newRow("company name in lower case") << u"tariffs on semiconductor chips"_s << QStringList{};
        // Chip names that are words, star signs, places or gods: linked only near their maker's names or chip words.
        QTest::newRow("Aries the retimer") << u"Astera Labs said Aries sales doubled."_s
                                           << QStringList{u"company/astera-labs@0-11"_s, u"chip/astera-aries@17-22"_s};
        QTest::newRow("Aries the star sign") << u"Born under Aries, she is bold."_s << QStringList{};
        QTest::newRow("Scorpio the switch")
            << u"Astera Labs began shipping Scorpio to cloud buyers."_s
            << QStringList{u"company/astera-labs@0-11"_s, u"chip/astera-scorpio@27-34"_s};
        QTest::newRow("Scorpio the star sign") << u"Scorpio rising: a week of horoscopes."_s << QStringList{};
        QTest::newRow("Taurus the cable module is not a chip")
            << u"Astera Labs added Taurus to its line-up."_s << QStringList{u"company/astera-labs@0-11"_s};
        QTest::newRow("Taurus the missile") << u"The Taurus missile debate goes on."_s << QStringList{};
        QTest::newRow("Leo the CXL controller")
            << u"Astera Labs said Leo supports CXL 2.0."_s
            << QStringList{u"company/astera-labs@0-11"_s, u"chip/astera-leo@17-20"_s};
        QTest::newRow("Leo the pope") << u"Pope Leo spoke on AI."_s << QStringList{};
        QTest::newRow("LEO the orbit") << u"Operators launched LEO satellites."_s << QStringList{};
        QTest::newRow("Tomahawk the switch chip")
            << u"Broadcom's Tomahawk switch chips"_s
            << QStringList{u"company/broadcom@0-8"_s, u"chip/broadcom-tomahawk@11-19"_s};
        QTest::newRow("Tomahawk the missile") << u"The navy fired a Tomahawk missile."_s << QStringList{};
        QTest::newRow("Jericho the router chip")
            << u"Broadcom sampled Jericho for AI routing."_s
            << QStringList{u"company/broadcom@0-8"_s, u"chip/broadcom-jericho@17-24"_s};
        QTest::newRow("Jericho the city") << u"The walls of Jericho fell."_s << QStringList{};
        QTest::newRow("Thor 2 the NIC") << u"Broadcom's Thor 2 NIC"_s
                                        << QStringList{u"company/broadcom@0-8"_s, u"chip/broadcom-thor-2@11-17"_s};
        QTest::newRow("Thor 2 the film") << u"I watched Thor 2 last night."_s << QStringList{};
        QTest::newRow("Tofino the switch chip") << u"Intel stopped work on Tofino switch chips."_s
                                                << QStringList{u"company/intel@0-5"_s, u"chip/intel-tofino@22-28"_s};
        QTest::newRow("Tofino the town") << u"We surfed at Tofino last summer."_s << QStringList{};
        QTest::newRow("Sophon the chip") << u"Sophgo sells Sophon chips."_s
                                         << QStringList{u"company/sophgo@0-6"_s, u"chip/sophgo-sophon@13-19"_s};
        QTest::newRow("sophon of the novel") << u"In the novel, a sophon blocks physics."_s << QStringList{};
        QTest::newRow("Pensando the DPU") << u"AMD bought Pensando to build network chips."_s
                                          << QStringList{u"company/amd@0-3"_s, u"chip/amd-pensando@11-19"_s};
        QTest::newRow("pensando the word") << u"Estoy pensando en ti."_s << QStringList{};
        QTest::newRow("BlueField the DPU") << u"Nvidia's BlueField chips offload network work."_s
                                           << QStringList{u"company/nvidia@0-6"_s, u"chip/nvidia-bluefield@9-18"_s};
        QTest::newRow("Bluefield the town") << u"The mayor of Bluefield spoke."_s << QStringList{};
        QTest::newRow("Spectrum-X, not spectrum")
            << u"A wide spectrum of buyers chose Spectrum-X."_s << QStringList{u"chip/nvidia-spectrum-x@32-42"_s};
        QTest::newRow("Quantum-X800, not quantum") << u"Quantum computing is far off; Quantum-X800 ships now."_s
                                                   << QStringList{u"chip/nvidia-quantum-x800@30-42"_s};
        QTest::newRow("W517 the watch chip, in Chinese")
            << u"闪极采用展锐W517芯片方案。"_s << QStringList{u"company/unisoc@4-6"_s, u"chip/unisoc-w517@6-10"_s};
        QTest::newRow("W517 with no chip words") << u"Route W517 was closed."_s << QStringList{};
        QTest::newRow("Snapdragon Ride, not ride") << u"Take a ride in a car with Snapdragon Ride Flex."_s
                                                   << QStringList{u"chip/snapdragon-ride-flex@26-46"_s};
    }
    void hardCases()
    {
        QFETCH(QString, text);
        QFETCH(QStringList, expected);
        const Lede::Linker &linker = LedeTest::builtinLinker();
        for (const QString &e : std::as_const(expected)) {
            const QString id = e.section(u'@', 0, 0);
            if (linker.knowledgeBase().indexOf(id) < 0)
                QSKIP(qPrintable(u"needs %1 in the shipped knowledge base"_s.arg(id)));
        }
        const auto mentions = linker.link(text);
        QCOMPARE(LedeTest::describe(mentions), expected);
        for (const auto &m : mentions)
            QCOMPARE(m.surface, text.mid(m.start, m.end - m.start));
    }
};

QTEST_GUILESS_MAIN(TestDisambiguation)
#include "tst_disambiguation.moc"
