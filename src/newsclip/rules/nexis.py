"""Nexis export vocabulary: document counters, labels (in several languages), cover lines, language names.

Everything here is data; :mod:`newsclip.dialects.nexis` compiles and uses it.
Label keys are case-folded; a label line is ``LABEL: value``.
"""

#: Regex sources for the centred counter line that opens an article of an old
#: export (``1 of 100 DOCUMENTS``, ``Dokument 1 von 3``, ``Document 1 de 3``...).
#: Group 1 is the article's number. Matched against a whole stripped line, ignoring case.
COUNTER_PATTERNS: tuple[str, ...] = (
    r"(\d{1,6}) {1,20}(?:of|von|de|van|di|sur) {1,20}\d{1,6} {1,20}"
    r"(?:documents?|dokumenten?|dokumente|documentos?|documenti|documenten)",
    r"(?:document|dokument|documento|documenti) {1,20}(\d{1,6}) {1,20}(?:of|von|de|van|di|sur) {1,20}\d{1,6}",
)

#: Whole lines that close an article of a newer export (case-folded).
END_OF_DOCUMENT: tuple[str, ...] = (
    "end of document",
    "ende des dokuments",
    "fin du document",
    "fin del documento",
    "einde van document",
    "einde document",
    "fine del documento",
)

#: Regex source of the cover's document total of a newer export (``Documents (3)``).
DOCUMENTS_TOTAL = r"(?:documents|dokumente|documentos|documenti|documenten) ?\(\d{1,6}\)"

#: Case-folded line starts that belong to a newer export's cover page and contents list.
COVER_PREFIXES: tuple[str, ...] = (
    "client/matter:",
    "search terms:",
    "search type:",
    "narrowed by",
    "content type",
    "user name:",
    "date and time:",
    "job number:",
    "sources:",
    "timeline:",
    "| about lexisnexis",
    "about lexisnexis",
    "mandant/akte:",
    "suchbegriffe:",
    "suchtyp:",
    "eingegrenzt durch",
    "inhaltstyp",
    "benutzername:",
    "datum und uhrzeit:",
    "auftragsnummer:",
    "quellen:",
    "client/dossier :",
    "client/dossier:",
    "termes de recherche :",
    "termes de recherche:",
    "type de recherche :",
    "type de recherche:",
    "cliente/asunto:",
    "términos de búsqueda:",
)

#: Case-folded fragments that mark a cover line wherever they sit in it (the contents table).
COVER_KEYWORDS: tuple[str, ...] = ("client/matter", "narrowed by", "sources:", "| about lexisnexis")

#: Regex sources of page furniture left in text made from a paged export: page counters
#: (``Page 2 of 5``) and the site footer repeated on every page. Matched against whole stripped lines.
PAGE_FURNITURE: tuple[str, ...] = (
    r"(?:page|seite|página|pagina) \d{1,5} (?:of|von|de|sur|van|di) \d{1,5}",
    r"\|? ?about lexisnexis ?\|.{0,300}",
)

#: Case-folded label -> what it holds. ``tail`` labels close the body and are ignored;
#: ``meta`` labels sit above the body and are ignored.
LABELS: dict[str, str] = {
    # byline
    "byline": "byline",
    "author": "byline",
    "autor": "byline",
    "von": "byline",
    "auteur": "byline",
    "par": "byline",
    "autore": "byline",
    "door": "byline",
    # section (not a record field)
    "section": "meta",
    "rubrik": "meta",
    "ressort": "meta",
    "rubrique": "meta",
    "sección": "meta",
    "seccion": "meta",
    "rubriek": "meta",
    "sezione": "meta",
    "column": "meta",
    "edition": "meta",
    "ausgabe": "meta",
    "série": "meta",
    "series": "meta",
    # stated length
    "length": "length",
    "länge": "length",
    "laenge": "length",
    "longueur": "length",
    "longitud": "length",
    "lengte": "length",
    "lunghezza": "length",
    # place line
    "dateline": "dateline",
    # summary under the headline
    "highlight": "subheadline",
    "highlights": "subheadline",
    # explicit headline and body labels of some exports
    "headline": "headline",
    "titel": "headline",
    "titre": "headline",
    "título": "headline",
    "titolo": "headline",
    "body": "body",
    # explicit publication date
    "date": "date",
    "datum": "date",
    "fecha": "date",
    # the tail
    "load-date": "tail",
    "ladedatum": "tail",
    "date de chargement": "tail",
    "fecha de carga": "tail",
    "laaddatum": "tail",
    "language": "language",
    "sprache": "language",
    "langue": "language",
    "idioma": "language",
    "taal": "language",
    "lingua": "language",
    "url": "url",
    "graphic": "graphic",
    "grafik": "graphic",
    "graphique": "graphic",
    "gráfico": "graphic",
    "afbeelding": "graphic",
    "publication-type": "tail",
    "publikationstyp": "tail",
    "type de publication": "tail",
    "tipo de publicación": "tail",
    "publicatietype": "tail",
    "document-type": "tail",
    "dokumenttyp": "tail",
    "type de document": "tail",
    "tipo de documento": "tail",
    "journal-code": "tail",
    "acc-no": "tail",
    "notes": "tail",
    "correction-date": "tail",
    "subject": "tail",
    "organization": "tail",
    "person": "tail",
    "geographic": "tail",
    "city": "tail",
    "state": "tail",
    "country": "tail",
    "industry": "tail",
    "ticker": "tail",
    "company": "tail",
    "distribution": "tail",
}

#: Case-folded labels that end the body however they are written; other tail labels end it
#: only in capitals (``SUBJECT:``), so a body line such as ``State: Texas`` stays text.
BODY_ENDING_LABELS: tuple[str, ...] = (
    "load-date", "ladedatum", "date de chargement", "fecha de carga", "laaddatum",
    "language", "sprache", "langue", "idioma", "taal", "lingua",
    "publication-type", "publikationstyp", "type de publication", "tipo de publicación", "publicatietype",
    "document-type", "dokumenttyp", "type de document", "tipo de documento",
    "graphic", "grafik", "graphique", "gráfico", "afbeelding",
    "url", "journal-code", "acc-no", "correction-date",
)

#: Label kinds whose value may run onto following lines (up to a blank line).
CONTINUED_KINDS: tuple[str, ...] = ("byline", "meta", "subheadline", "graphic", "url", "tail", "headline")

#: Case-folded lines that stand alone and mark where the body starts (newer exports).
BODY_MARKERS: tuple[str, ...] = ("body", "text", "texte", "corps", "cuerpo", "tekst", "testo")

#: Case-folded lines that stand alone and open the tail: captions follow ``graphic``.
TAIL_MARKERS: dict[str, str] = {
    "graphic": "graphic",
    "grafik": "graphic",
    "graphique": "graphic",
    "gráfico": "graphic",
    "afbeelding": "graphic",
    "classification": "tail",
    "klassifikation": "tail",
    "klassifizierung": "tail",
    "classement": "tail",
    "clasificación": "tail",
    "classificatie": "tail",
    "notes": "tail",
}

#: Regex source of a copyright line (it opens the tail of an old export, sits in a new one's header):
#: ``Copyright 2010 ...``, ``Copyright © 2010 ...``, ``© 2010 ...``, ``(c) 2010 ...``.
#: Matched at the line start, ignoring case.
COPYRIGHT_LINE = r"(?:copyright|©|\(c\)) {0,3}(?:©|\(c\))? {0,3}\d{4}\b"

#: Regex source of an edition line between the date and the headline (searched, ignoring case).
EDITION_LINE = (
    r"\b(?:edition|ausgabe|édition|edición|editie|uitgave|edizione)\b"
    r"|^correction appended$|\bpg\. ?\w"
)

#: Regex source of a stated length (``453 words``); group 1 is the number.
LENGTH_VALUE = r"(\d{1,3}(?:[,.]\d{3}){1,3}|\d{1,7}) ?(?:words|wörter|worte|mots|palabras|woorden|parole|palavras)"

#: Regex source of a language suffix some wire services carry in the publication line
#: (``Agence France Presse -- English``), removed before looking the name up as an agency.
PUBLICATION_LANGUAGE_SUFFIX = (
    r" ?(?:--|-|–|—) ?(?:english|german|french|spanish|deutsch|englisch|français|francais"
    r"|español|espanol|dutch|nederlands|italian|italiano|portuguese|português)$"
)

#: Language names as exports print them (case-folded, in many languages) -> ISO 639-1.
LANGUAGE_NAMES: dict[str, str] = {
    "english": "en", "englisch": "en", "anglais": "en", "inglés": "en", "ingles": "en", "engels": "en",
    "inglese": "en", "inglês": "en", "английский": "en",
    "german": "de", "deutsch": "de", "allemand": "de", "alemán": "de", "aleman": "de", "duits": "de",
    "tedesco": "de", "alemão": "de", "немецкий": "de",
    "french": "fr", "französisch": "fr", "franzoesisch": "fr", "français": "fr", "francais": "fr",
    "francés": "fr", "frances": "fr", "frans": "fr", "francese": "fr", "francês": "fr",
    "французский": "fr",
    "spanish": "es", "spanisch": "es", "espagnol": "es", "español": "es", "espanol": "es", "spaans": "es",
    "spagnolo": "es", "espanhol": "es", "castellano": "es", "испанский": "es",
    "dutch": "nl", "niederländisch": "nl", "niederlaendisch": "nl", "néerlandais": "nl",
    "neerlandais": "nl", "neerlandés": "nl", "holandés": "nl", "nederlands": "nl", "olandese": "nl",
    "holandês": "nl", "flemish": "nl", "vlaams": "nl",
    "italian": "it", "italienisch": "it", "italien": "it", "italiano": "it", "italiaans": "it",
    "portuguese": "pt", "portugiesisch": "pt", "portugais": "pt", "portugués": "pt", "portugees": "pt",
    "portoghese": "pt", "português": "pt",
    "russian": "ru", "russisch": "ru", "russe": "ru", "ruso": "ru", "russo": "ru", "русский": "ru",
    "chinese": "zh", "chinesisch": "zh", "chinois": "zh", "chino": "zh", "chinees": "zh", "cinese": "zh",
    "chinês": "zh", "中文": "zh",
    "japanese": "ja", "japanisch": "ja", "japonais": "ja", "japonés": "ja", "japans": "ja",
    "giapponese": "ja", "日本語": "ja",
    "korean": "ko", "koreanisch": "ko", "coréen": "ko", "coreano": "ko", "한국어": "ko",
    "arabic": "ar", "arabisch": "ar", "arabe": "ar", "árabe": "ar", "arabo": "ar",
    "polish": "pl", "polnisch": "pl", "polonais": "pl", "polaco": "pl", "pools": "pl", "polski": "pl",
    "swedish": "sv", "schwedisch": "sv", "suédois": "sv", "sueco": "sv", "zweeds": "sv", "svenska": "sv",
    "danish": "da", "dänisch": "da", "danois": "da", "danés": "da", "deens": "da", "dansk": "da",
    "norwegian": "no", "norwegisch": "no", "norvégien": "no", "noruego": "no", "noors": "no", "norsk": "no",
    "finnish": "fi", "finnisch": "fi", "finnois": "fi", "finlandés": "fi", "fins": "fi", "suomi": "fi",
    "turkish": "tr", "türkisch": "tr", "turc": "tr", "turco": "tr", "turks": "tr", "türkçe": "tr",
    "greek": "el", "griechisch": "el", "grec": "el", "griego": "el", "grieks": "el", "ελληνικά": "el",
    "czech": "cs", "tschechisch": "cs", "tchèque": "cs", "checo": "cs", "tsjechisch": "cs", "čeština": "cs",
    "hungarian": "hu", "ungarisch": "hu", "hongrois": "hu", "húngaro": "hu", "hongaars": "hu",
    "magyar": "hu",
    "ukrainian": "uk", "ukrainisch": "uk", "ukrainien": "uk", "ucraniano": "uk", "oekraïens": "uk",
    "українська": "uk",
    "hebrew": "he", "hebräisch": "he", "hébreu": "he", "hebreo": "he",
    "hindi": "hi", "indonesian": "id", "indonesisch": "id", "indonésien": "id",
    "catalan": "ca", "katalanisch": "ca", "catalán": "ca", "català": "ca",
    "romanian": "ro", "rumänisch": "ro", "roumain": "ro", "rumano": "ro", "română": "ro",
}

#: Regex source of a date glued to the end of a ``DATELINE:`` value
#: (``WASHINGTON, March 2``, ``SANTIAGO, Oct 6 2012``, ``BERLIN, 3. Mai``): cut off, the place stays.
DATELINE_DATE_TAIL = (
    r", ?(?:[^\W\d_]{3,10}\.? {1,3}\d{1,2}|\d{1,2}\.? {1,3}[^\W\d_]{3,10}\.?)(?:,? {1,3}\d{4})?$"
)
