import SluiceKit
import Testing

/// `quotes strip-stray` on correct text in every quotation convention: nothing changes, and
/// the real stray still goes. Many inputs are sentences from published articles
/// (Fixtures/prose-corpus) that an earlier version damaged.
@Suite struct StrayQuoteConventionTests {
    typealias Case = StrayQuoteRemoverTests.Case

    static let cases: [Case] = [
        // Guillemets: the text tells which way they point.
        Case("German inward, one line", "»Drückt uns die Daumen.«"),
        Case("German inward after a colon", "Sie folgen der alten Weisheit: »Nicht labern, ranklotzen.« Sich kurz zu fassen, ist wesentlich."),
        Case("German inward split by a speech verb", "»Wenn Transposons springen«, erklärt Shahid, »bringen sie oft Teile der DNA mit.«"),
        Case("German inward mid-sentence", "Die Märker »haben in hervorragender Weise den Sinn fürs Kleine«, schrieb Fontane."),
        Case("Danish inward", "»Det er en god dag,« siger hun."),
        Case("French outward spaced", "Il a dit : « Je dis un grand merci. » Pour moi, c’est réel."),
        Case("French outward with no-break spaces", "«\u{00A0}Bonjour\u{00A0}», dit-il."),
        Case("Spanish outward", "«Es un día histórico», dijo el ministro."),
        Case("Italian outward", "«Siamo pronti» ha detto il sindaco."),
        Case("Russian outward", "Он сказал: «Это не так»."),
        Case("Swiss outward", "«Wir sind bereit», sagte sie."),
        Case("Arabic outward after a tatweel", "قال لـ«الصباح»: كل الشروط متوفرة"),
        Case("single guillemets inward", "Er nannte es ›gut‹ und ging."),
        Case("single guillemets outward", "Il l’appelait ‹bien› et partit."),
        Case("German low-high double", "Er sagte „Drückt uns die Daumen.“ und ging."),
        Case("Polish low-high closing", "Powiedział „dzień dobry” i wyszedł."),
        Case("Swedish closing marks both sides", "Han sa ”hej” och gick."),
        Case("low single", "Sie nannte es ‚gut‘ und ging."),
        // Arrows after a link label, or before one, are not quotes.
        Case("arrow after a link label", "Más en Opinión ›"),
        Case("breadcrumb arrows", "Oberstdorf Resort › Interaktiv › Blog"),
        Case("arrow before a link", "» Zum Angebot: Borussia Dortmund"),
        Case("arrow glued to a label", "tennisnet.com ›ATP"),
        // CJK: no spaces around marks.
        Case("Chinese closer after a full stop, text after", "他说：“这是一个政治问题，但不是科学上的问题。”他进一步指出了问题。"),
        Case("Chinese closer after a question mark", "比如“张三的大舅是谁？”这样的问题。"),
        Case("Chinese closer after a bracket", "经历了“自认喝醉（think-drink）”效应。"),
        Case("Chinese single inside", "在实施‘天空实验室(skylab)’项目时"),
        Case("Chinese straight marks between Han", "您认为这篇文章与\"新一网（08008.HK）\"相关度高吗？"),
        Case("Chinese opener leading a paragraph", "“习主席给论坛发来贺信，这对拉美国家而言是一个机会。"),
        Case("Japanese corner brackets", "「道に置くのと同じ」と一蹴した。『本』も。"),
        Case("Japanese curly inside corner brackets", "「相次ぐ個人情報流出 “お寒い”企業の危機管理」"),
        Case("fullwidth double quote", "彼は＂はい＂と言った。"),
        Case("Korean particle after the closer", "그의 행보가 마침내 ‘정권교체’라는 결실을 맺게 됐다."),
        Case("Korean straight closer glued to a particle", "이 후보는 \"좌측이면 어떻고 우측이면 어떻나\"면서 웃었다."),
        // Apostrophes: never removed.
        Case("apostrophe after an abbreviation", "The U.K.’s plan was late."),
        Case("elision", "We went ’round the corner."),
        Case("split word from extraction spacing", "The details of the Senate ’s plenary session were shared."),
        Case("split contraction", "The automaker isn ‘t slowing down."),
        Case("ʿayn in a name", "Menghina istri Nabi Siti ‘Aisyah ra dilarang."),
        Case("German elision", "„Cool, ‘ne Frau in einer Führungsposition“, so sagte er."),
        // TeX, glued closers, a space before a closer, a mark cited as itself.
        Case("TeX quotes", "``Hello,'' he said."),
        Case("closer glued to the next word", "He called them “enemies,”with a smile."),
        Case("straight closer glued to the next word", "Es klingt schon \"gothic\"ish und gut."),
        Case("space before a closer", "Reports depicted “technical challenges and delays ”. The report came out."),
        Case("space before a closer, digit after", "蔡健雅“列穆尼亚 LEMURIA ”2017巡回演唱会"),
        Case("quote cited as itself", "Strings should appear inside double quotes (\")."),
        Case("prime typed as two singles", "Nach 3.14‘47‘‘ überquerte er die Ziellinie."),
        Case("two closing singles after a period", "“We won the election.’’ she said."),
        // Quotations cut off by the page, or going on past the paragraph.
        Case("cut-off quotation after a colon", #"Tottenham said in a statement: "Jose is one of the most successful managers, with a wealth of trophies."#),
        Case("quotation after a sentence end", #"Henry Ford said it plainly. "Eigentlich ist es gut, dass die Menschen es nicht verstehen."#),
        Case("quotation after a colon, bracket first", "Die Hofpresse schreibt: “[…]Wenn die Menschen gegen das System sind, ist es aus."),
        Case("quotation mark alone as a paragraph", "„\n\nInsbesondere die Pandemie hat dazu beigetragen.\n\n“"),
        Case("closer ending a quotation from paragraphs before", "“Ngithole ucingo.”\n\nUmmese wawusasalele emhlane,” kusho yena."),
        Case("closer after a sentence end, later paragraph", "Er sagte nichts.\n\nWir freuen uns über den neuen Aktionär.”"),
        // The real strays still go.
        Case("seed stray opener mid-sentence",
             #"Putin said the purpose of the attack, which Ukraine has not confirmed, was "aimed at preventing the negotiation process."#,
             "Putin said the purpose of the attack, which Ukraine has not confirmed, was aimed at preventing the negotiation process."),
        Case("stray opener after a colon, lower case", #"He said: "aimed at talks."#, "He said: aimed at talks."),
        Case("stray closer in the first paragraph", "The minister called it “a disaster” twice.”", "The minister called it “a disaster” twice."),
        Case("stray German inward opener among pairs", "»Ja«, sagte er, und dann »nein und ging.", "»Ja«, sagte er, und dann nein und ging."),
        Case("leading opener of a paragraph that does not end like a sentence", #""Zu 100% Luftfahrt"#, "Zu 100% Luftfahrt"),
    ]

    @Test(arguments: cases)
    func conventions(_ testCase: Case) throws {
        let expected = (testCase.expected ?? testCase.input) + "\n"
        #expect(try cleaned("quotes strip-stray", testCase.input + "\n") == expected)
    }

    @Test(arguments: cases)
    func runningTwiceIsRunningOnce(_ testCase: Case) throws {
        let once = try cleaned("quotes strip-stray", testCase.input + "\n")
        #expect(try cleaned("quotes strip-stray", once) == once)
    }

    /// Each mark the step thought might be stray but kept is counted once, as left alone.
    @Test(arguments: [
        ("Il a dit « non deux fois.\n", 1),
        ("He said ‘no twice.\n", 1),
        ("He said no,” she added.\n", 1),
        ("Tottenham said in a statement: \"Jose is one of the best.\n", 1),
        ("He said \"yes\" and left.\n", 0),
        ("The attack was \"aimed at talks.\n", 0),
        ("He said” and then “she left.\n", 2),
    ])
    func countsMarksLeftAlone(_ input: String, _ leftAlone: Int) throws {
        let pipeline = Pipeline(rules: try rules("quotes strip-stray"))
        _ = pipeline.clean(utf8(input))
        #expect(pipeline.statistics.steps[0].leftAlone == leftAlone)
    }
}
