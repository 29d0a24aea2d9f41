#!/usr/bin/env python3
"""Writes a seeded rule file of N `drop` rules, the kind users keep in long site lists and
blocklists, for measuring how sluice scales with the number of rules.

usage: make-rules.py N OUT_FILE [--seed S]

Each rule is `drop /PATTERN/FLAGS as NAME` (names unique: KIND-LANG-NUMBER). The phrases
are built from small per-language word lists (en, de, fr, es, it, pt, nl, pl, cs, ru, sv)
combined with the seed: anchored phrase lists (`^\\h*(?:follow us on (?:facebook|…)|…)\\h*$`),
network and counter labels (`\\d{1,3} comments`), read-also teasers with `\\b`, case-sensitive
ones with character classes (`[Ss]hare on (?:Facebook|…)`, no `i` flag), footer lines, and
a few unanchored ones (`\\bclick here to …\\b`). Most have the `i` and `q` flags.

The first two rules always match junk that bench/make-corpus.py writes (ad labels such as
"Advertisement - Scroll to continue" and "Sponsored"; "Read also| …", "Read more: …",
"Related: …" teasers), in the eleven languages, so every file drops the corpus's junk lines;
the others are junk of kinds that corpus does not have, and none matches its prose (every
one spans a whole line, or needs words such as "click" that the corpus never writes).
Rules are drawn in order from one generator: the file of N rules is the first N rules of
the file of any larger N with the same seed.
"""
import argparse
import random

NETWORKS = ["facebook", "twitter", "instagram", "youtube", "tiktok", "linkedin", "whatsapp",
            "telegram", "pinterest", "threads", "mastodon", "bluesky", "snapchat", "reddit"]

# Per language: phrase templates ({net}, {thing}, {verb}, {app} are filled from the lists),
# and the words of the other rule kinds.
LANGS = {
    "en": dict(
        follow=["follow us on", "like us on", "join us on", "find us on", "connect with us on"],
        share=["share on", "share via", "post to"],
        templates=["subscribe to our {thing}", "sign up for our {thing}", "get our {thing}",
                   "download our {app}", "get the {app}", "watch the video", "listen to the podcast",
                   "continue reading", "read the full story", "back to top", "skip to content",
                   "accept cookies", "cookie settings", "manage preferences", "show comments",
                   "load more", "view gallery", "enable notifications", "report an error"],
        things=["newsletter", "daily newsletter", "weekly briefing", "morning briefing",
                "breaking news alerts", "free newsletter"],
        apps=["app", "free app", "mobile app", "news app"],
        click="click here to", verbs=["subscribe", "read more", "download", "sign up", "continue",
                                      "learn more", "register", "comment", "unsubscribe"],
        comments=["comments", "comment", "shares", "likes", "views"],
        read=["read also", "see also", "also read", "more on this", "recommended", "you may also like"],
        footer=["all rights reserved", "terms of use", "privacy policy", "contact us", "about us"],
        caps="Share", capnets=["Facebook", "Twitter", "LinkedIn", "WhatsApp", "Email"],
    ),
    "de": dict(
        follow=["folgen sie uns auf", "folge uns auf", "besuchen sie uns auf"],
        share=["teilen auf", "teilen via", "jetzt teilen auf"],
        templates=["abonnieren sie unseren {thing}", "melden sie sich für unseren {thing} an",
                   "laden sie unsere {app} herunter", "video abspielen", "weiterlesen",
                   "zum artikel", "mehr zum thema", "nach oben", "cookie-einstellungen",
                   "kommentare anzeigen", "mehr laden", "bildergalerie öffnen"],
        things=["newsletter", "täglichen newsletter", "wochen-newsletter", "morgen-briefing"],
        apps=["app", "kostenlose app", "nachrichten-app"],
        click="hier klicken, um", verbs=["weiterzulesen", "zu abonnieren", "sich anzumelden",
                                        "mehr zu erfahren", "herunterzuladen"],
        comments=["kommentare", "kommentar", "mal geteilt"],
        read=["lesen sie auch", "auch interessant", "mehr dazu", "das könnte sie auch interessieren"],
        footer=["alle rechte vorbehalten", "impressum", "datenschutzerklärung", "kontakt"],
        caps="Teilen", capnets=["Facebook", "Twitter", "WhatsApp", "E-Mail", "Xing"],
    ),
    "fr": dict(
        follow=["suivez-nous sur", "rejoignez-nous sur", "retrouvez-nous sur"],
        share=["partager sur", "partagez sur", "envoyer par"],
        templates=["abonnez-vous à notre {thing}", "inscrivez-vous à notre {thing}",
                   "téléchargez notre {app}", "lire la suite", "voir la vidéo", "retour en haut",
                   "paramètres des cookies", "afficher les commentaires", "charger plus",
                   "voir la galerie", "signaler une erreur"],
        things=["newsletter", "lettre d'information", "newsletter quotidienne", "brief du matin"],
        apps=["application", "appli", "application gratuite"],
        click="cliquez ici pour", verbs=["lire la suite", "vous abonner", "vous inscrire",
                                        "en savoir plus", "télécharger"],
        comments=["commentaires", "commentaire", "partages"],
        read=["lire aussi", "à lire aussi", "voir aussi", "sur le même sujet"],
        footer=["tous droits réservés", "mentions légales", "politique de confidentialité", "nous contacter"],
        caps="Partager", capnets=["Facebook", "Twitter", "WhatsApp", "E-mail", "LinkedIn"],
    ),
    "es": dict(
        follow=["síguenos en", "sigue a", "únete a nosotros en"],
        share=["compartir en", "comparte en", "enviar por"],
        templates=["suscríbete a nuestro {thing}", "recibe nuestro {thing}", "descarga nuestra {app}",
                   "seguir leyendo", "leer más", "ver vídeo", "volver arriba", "configuración de cookies",
                   "ver comentarios", "cargar más", "ver galería"],
        things=["boletín", "newsletter", "boletín diario", "resumen de la mañana"],
        apps=["aplicación", "app", "app gratuita"],
        click="haz clic aquí para", verbs=["leer más", "suscribirte", "registrarte", "descargar", "saber más"],
        comments=["comentarios", "comentario", "veces compartido"],
        read=["lee también", "te puede interesar", "noticias relacionadas", "más información"],
        footer=["todos los derechos reservados", "aviso legal", "política de privacidad", "contacto"],
        caps="Compartir", capnets=["Facebook", "Twitter", "WhatsApp", "Email", "Telegram"],
    ),
    "it": dict(
        follow=["seguici su", "segui", "unisciti a noi su"],
        share=["condividi su", "condividi via", "invia tramite"],
        templates=["iscriviti alla nostra {thing}", "ricevi la nostra {thing}", "scarica la nostra {app}",
                   "continua a leggere", "leggi tutto", "guarda il video", "torna su",
                   "impostazioni dei cookie", "mostra commenti", "carica altri", "apri la galleria"],
        things=["newsletter", "newsletter quotidiana", "rassegna del mattino"],
        apps=["app", "app gratuita", "applicazione"],
        click="clicca qui per", verbs=["leggere", "iscriverti", "abbonarti", "scaricare", "saperne di più"],
        comments=["commenti", "commento", "condivisioni"],
        read=["leggi anche", "potrebbe interessarti", "articoli correlati", "approfondisci"],
        footer=["tutti i diritti riservati", "note legali", "informativa sulla privacy", "contatti"],
        caps="Condividi", capnets=["Facebook", "Twitter", "WhatsApp", "Email", "Telegram"],
    ),
    "pt": dict(
        follow=["siga-nos no", "siga-nos em", "acompanhe-nos no"],
        share=["compartilhe no", "partilhar no", "enviar por"],
        templates=["assine a nossa {thing}", "receba a nossa {thing}", "baixe o nosso {app}",
                   "continue lendo", "continuar a ler", "assista ao vídeo", "voltar ao topo",
                   "configurações de cookies", "ver comentários", "carregar mais", "ver galeria"],
        things=["newsletter", "newsletter diária", "resumo da manhã"],
        apps=["aplicativo", "app", "aplicativo gratuito"],
        click="clique aqui para", verbs=["ler mais", "assinar", "se cadastrar", "baixar", "saber mais"],
        comments=["comentários", "comentário", "compartilhamentos"],
        read=["leia também", "veja também", "leia mais", "saiba mais"],
        footer=["todos os direitos reservados", "aviso legal", "política de privacidade", "fale conosco"],
        caps="Compartilhar", capnets=["Facebook", "Twitter", "WhatsApp", "Email", "Telegram"],
    ),
    "nl": dict(
        follow=["volg ons op", "vind ons op", "word fan op"],
        share=["deel op", "delen via", "stuur via"],
        templates=["schrijf je in voor onze {thing}", "ontvang onze {thing}", "download onze {app}",
                   "lees verder", "lees meer", "bekijk de video", "terug naar boven",
                   "cookie-instellingen", "toon reacties", "meer laden", "bekijk fotoserie"],
        things=["nieuwsbrief", "dagelijkse nieuwsbrief", "ochtendbriefing"],
        apps=["app", "gratis app", "nieuwsapp"],
        click="klik hier om", verbs=["verder te lezen", "je aan te melden", "te downloaden", "meer te weten"],
        comments=["reacties", "reactie", "keer gedeeld"],
        read=["lees ook", "zie ook", "meer over dit onderwerp", "gerelateerde artikelen"],
        footer=["alle rechten voorbehouden", "privacybeleid", "gebruiksvoorwaarden", "contact"],
        caps="Delen", capnets=["Facebook", "Twitter", "WhatsApp", "E-mail", "LinkedIn"],
    ),
    "pl": dict(
        follow=["obserwuj nas na", "dołącz do nas na", "znajdź nas na"],
        share=["udostępnij na", "udostępnij przez", "wyślij przez"],
        templates=["zapisz się do {thing}", "zamów {thing}", "pobierz naszą {app}", "czytaj dalej",
                   "czytaj więcej", "zobacz wideo", "wróć na górę", "ustawienia plików cookie",
                   "pokaż komentarze", "załaduj więcej", "zobacz galerię"],
        things=["newslettera", "naszego newslettera", "porannego przeglądu"],
        apps=["aplikację", "darmową aplikację"],
        click="kliknij tutaj, aby", verbs=["czytać dalej", "się zapisać", "pobrać", "dowiedzieć się więcej"],
        comments=["komentarzy", "komentarze", "udostępnień"],
        read=["czytaj także", "zobacz też", "przeczytaj również", "polecamy"],
        footer=["wszelkie prawa zastrzeżone", "polityka prywatności", "regulamin", "kontakt"],
        caps="Udostępnij", capnets=["Facebook", "Twitter", "WhatsApp", "E-mail", "Messenger"],
    ),
    "cs": dict(
        follow=["sledujte nás na", "najdete nás na", "přidejte se k nám na"],
        share=["sdílet na", "sdílejte na", "poslat přes"],
        templates=["přihlaste se k odběru {thing}", "odebírejte {thing}", "stáhněte si naši {app}",
                   "pokračovat ve čtení", "číst dál", "přehrát video", "zpět nahoru",
                   "nastavení cookies", "zobrazit komentáře", "načíst další", "otevřít galerii"],
        things=["newsletteru", "našeho newsletteru", "ranního přehledu"],
        apps=["aplikaci", "mobilní aplikaci"],
        click="klikněte zde a", verbs=["čtěte dál", "přihlaste se", "stáhněte si", "zjistěte více"],
        comments=["komentářů", "komentáře", "sdílení"],
        read=["čtěte také", "mohlo by vás zajímat", "související články", "více k tématu"],
        footer=["všechna práva vyhrazena", "ochrana osobních údajů", "podmínky užití", "kontakty"],
        caps="Sdílet", capnets=["Facebook", "Twitter", "WhatsApp", "E-mail", "LinkedIn"],
    ),
    "ru": dict(
        follow=["подписывайтесь на нас в", "мы в", "читайте нас в"],
        share=["поделиться в", "отправить в", "поделиться через"],
        templates=["подпишитесь на нашу {thing}", "получайте нашу {thing}", "скачайте наше {app}",
                   "читать далее", "читать полностью", "смотреть видео", "наверх",
                   "настройки cookie", "показать комментарии", "загрузить ещё", "открыть галерею"],
        things=["рассылку", "ежедневную рассылку", "утреннюю рассылку"],
        apps=["приложение", "мобильное приложение"],
        click="нажмите здесь, чтобы", verbs=["читать дальше", "подписаться", "скачать", "узнать больше"],
        comments=["комментариев", "комментария", "репостов"],
        read=["читайте также", "смотрите также", "по теме", "новости по теме"],
        footer=["все права защищены", "политика конфиденциальности", "пользовательское соглашение", "контакты"],
        caps="Поделиться", capnets=["ВКонтакте", "Telegram", "WhatsApp", "Одноклассники", "Email"],
    ),
    "sv": dict(
        follow=["följ oss på", "gilla oss på", "hitta oss på"],
        share=["dela på", "dela via", "skicka via"],
        templates=["prenumerera på vårt {thing}", "få vårt {thing}", "ladda ner vår {app}",
                   "läs vidare", "läs hela artikeln", "se videon", "till toppen",
                   "cookie-inställningar", "visa kommentarer", "ladda fler", "se bildspelet"],
        things=["nyhetsbrev", "dagliga nyhetsbrev", "morgonbrev"],
        apps=["app", "gratisapp", "nyhetsapp"],
        click="klicka här för att", verbs=["läsa mer", "prenumerera", "ladda ner", "registrera dig"],
        comments=["kommentarer", "kommentar", "delningar"],
        read=["läs också", "läs även", "se även", "mer om ämnet"],
        footer=["alla rättigheter förbehållna", "integritetspolicy", "användarvillkor", "kontakta oss"],
        caps="Dela", capnets=["Facebook", "Twitter", "WhatsApp", "E-post", "LinkedIn"],
    ),
}

# The first two rules: the corpus's junk (bench/make-corpus.py's JUNK), in every language.
FIXED = [
    r"drop /^\h*(?:advertisement|advert|ads?|sponsored|anzeige|werbung|gesponsert|publicité"
    r"|sponsorisé|publicidad|patrocinado|pubblicità|sponsorizzato|publicidade|advertentie"
    r"|gesponsord|reklama|sponsorowane|sponzorováno|реклама|annons|sponsrad)"
    r"(?:\h*[-:|]\h*(?:scroll(?:\h+down)?\h+to\h+continue|weiter\h+nach\h+der\h+anzeige))?\h*$/iq"
    r" as ad-label-mul-00000",
    r"drop /^\h*(?:(?:read|see)\h+(?:also|more)|related|lesen\h+sie\h+auch|lire\h+aussi"
    r"|lee\h+también|leggi\h+anche|leia\h+também|lees\h+ook|czytaj\h+także|čtěte\h+také"
    r"|читайте\h+также|läs\h+också)\b\h*[|:>]/iq as read-also-mul-00001",
]


def spaced(phrase, rng):
    """The phrase as a pattern: its spaces as literal spaces or `\\h+` (rule authors do both),
    its regex metacharacters escaped."""
    text = "".join("\\" + c if c in ".?*+()[]{}|^$\\/" else c for c in phrase)
    return text.replace(" ", r"\h+") if rng.random() < 0.6 else text


def alternation(items):
    return "(?:" + "|".join(items) + ")"


def fill(template, words, rng):
    return template.format(thing=rng.choice(words["things"]), app=rng.choice(words["apps"]),
                           net=rng.choice(NETWORKS), verb=rng.choice(words["verbs"]))


def phrase_list(words, rng):
    phrases = set()
    for _ in range(rng.randint(3, 12)):
        kind = rng.random()
        if kind < 0.5:
            phrases.add(fill(rng.choice(words["templates"]), words, rng))
        elif kind < 0.75:
            phrases.add(f"{rng.choice(words['follow'])} {rng.choice(NETWORKS)}")
        else:
            phrases.add(f"{rng.choice(words['share'])} {rng.choice(NETWORKS)}")
    body = alternation(spaced(p, rng) for p in sorted(phrases))
    return "phrases", rf"^\h*{body}\h*[.:!…]?\h*$", "iq"


def network_label(words, rng):
    nets = alternation(rng.sample(NETWORKS, rng.randint(3, 8)))
    lead = alternation(spaced(p, rng) for p in rng.sample(words["follow"], rng.randint(1, len(words["follow"]))))
    return "follow", rf"^\h*{lead}\h+{nets}(?:\h*(?:,|&|\+|and|und|et|y|e|en|i|и|och)\h*{nets})*\h*[.!:]?\h*$", "iq"


def counter(words, rng):
    nouns = alternation(spaced(w, rng) for w in rng.sample(words["comments"], rng.randint(1, len(words["comments"]))))
    number = rng.choice([r"\d{1,3}", r"\d{1,3}(?:[.,]\d{3})*", r"\d+(?:[.,]\d)?[kK]?"])
    return "counter", rf"^\h*{number}\h+{nouns}\h*$", "iq"


def read_teaser(words, rng):
    cues = alternation(spaced(w, rng) for w in rng.sample(words["read"], rng.randint(1, len(words["read"]))))
    tail = rng.choice([r"\h*[|:>»]", r"\h*(?:[|:>»]|-\h|$)", r"\h*[:|]\h*\S"])
    return "read", rf"^\h*{cues}\b{tail}", "iq"


def case_sensitive(words, rng):
    cap = words["caps"]
    word = f"[{cap[0]}{cap[0].lower()}]{cap[1:]}"
    nets = alternation(rng.sample(words["capnets"], rng.randint(2, len(words["capnets"]))))
    upper = cap.upper()
    form = rng.random()
    if form < 0.5:
        return "caps", rf"^\h*{word}\h*(?:\||:|·)?\h*{nets}(?:\h*[|·,]\h*{nets}){{0,4}}\h*$", "q"
    return "caps", rf"^\h*(?:{word}|{upper})\h+\d{{1,3}}\h*$", "q"


def footer(words, rng):
    phrases = alternation(spaced(w, rng) for w in rng.sample(words["footer"], rng.randint(2, len(words["footer"]))))
    if rng.random() < 0.5:
        return "footer", rf"^\h*(?:©|\(c\)|copyright)\h*(?:\d{{4}}(?:\h*[-–]\h*\d{{4}})?)?\h*[\w .,&'-]{{0,60}}\h*[.|·]?\h*{phrases}?\h*\.?\h*$", "iq"
    return "footer", rf"^\h*{phrases}(?:\h*[|·•]\h*{phrases}){{0,6}}\h*$", "iq"


def unanchored(words, rng):
    verbs = alternation(spaced(v, rng) for v in rng.sample(words["verbs"], rng.randint(1, len(words["verbs"]))))
    return "click", rf"\b{spaced(words['click'], rng)}\h+{verbs}\b", "i"


KINDS = [(phrase_list, 40), (network_label, 12), (counter, 10), (read_teaser, 10),
         (case_sensitive, 10), (footer, 10), (unanchored, 8)]


def rules(count, seed):
    rng = random.Random(f"rules-{seed}")
    makers = [k for k, _ in KINDS]
    weights = [w for _, w in KINDS]
    languages = sorted(LANGS)
    for number in range(count):
        if number < len(FIXED):
            yield FIXED[number]
            continue
        lang = rng.choice(languages)
        kind, pattern, flags = rng.choices(makers, weights)[0](LANGS[lang], rng)
        yield f"drop /{pattern}/{flags} as {kind}-{lang}-{number:05d}"


def main():
    parser = argparse.ArgumentParser(usage=__doc__.split("\n\n")[1].removeprefix("usage: "))
    parser.add_argument("count", type=int)
    parser.add_argument("out")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    with open(args.out, "w", encoding="utf-8") as f:
        f.write(f"# {args.count} generated drop rules (bench/make-rules.py {args.count} --seed {args.seed})\n")
        for rule in rules(args.count, args.seed):
            f.write(rule + "\n")


if __name__ == "__main__":
    main()
