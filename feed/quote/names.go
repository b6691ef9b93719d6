package quote

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// titles are dropped from names; the gender they imply is kept.
// 'm' male, 'f' female, 0 unknown. roleTitle says the title is also a role.
type titleInfo struct {
	gender    byte
	roleTitle bool
}

var titles = withRanks(map[string]titleInfo{
	"mr": {'m', false}, "mr.": {'m', false}, "mrs": {'f', false}, "mrs.": {'f', false}, "ms": {'f', false}, "ms.": {'f', false},
	"miss": {'f', false}, "sir": {'m', false}, "dame": {'f', false}, "lord": {'m', false}, "lady": {'f', false},
	"dr": {0, false}, "dr.": {0, false}, "prof": {0, false}, "prof.": {0, false}, "professor": {0, true},
	"president": {0, true}, "sen.": {0, true}, "sen": {0, true}, "senator": {0, true}, "rep.": {0, true}, "rep": {0, true},
	"representative": {0, true}, "gov.": {0, true}, "gov": {0, true}, "governor": {0, true}, "rev.": {0, false},
	"rev": {0, false}, "reverend": {0, false}, "gen.": {0, true}, "general": {0, true}, "col.": {0, true}, "colonel": {0, true},
	"capt.": {0, true}, "captain": {0, true}, "lt.": {0, true}, "sgt.": {0, true}, "judge": {0, true}, "justice": {0, true},
	"mayor": {0, true}, "chancellor": {0, true}, "secretary": {0, true}, "minister": {0, true}, "speaker": {0, true},
	"ambassador": {0, true}, "pope": {0, true}, "king": {'m', true}, "queen": {'f', true}, "prince": {'m', true},
	"princess": {'f', true}, "chairman": {0, true}, "chairwoman": {'f', true}, "commissioner": {0, true}, "detective": {0, true},
	"inspector": {0, true}, "officer": {0, true}, "premier": {0, true}, "sheikh": {'m', true}, "ayatollah": {'m', true},
	"vice": {0, true}, "deputy": {0, true}, "prime": {0, true}, "foreign": {0, true}, "chief": {0, true}, "attorney": {0, true},
	"spokesman": {'m', true}, "spokeswoman": {'f', true}, "spokesperson": {0, true}, "leader": {0, true}, "coach": {0, true},
	"director": {0, true}, "manager": {0, true}, "candidate": {0, true}, "nominee": {0, true}, "congressman": {'m', true},
	"congresswoman": {'f', true}, "councillor": {0, true}, "councilman": {'m', true}, "mp": {0, true}, "mep": {0, true},
	"sens.": {0, true}, "reps.": {0, true}, "govs.": {0, true}, "messrs": {'m', false}, "dem.": {0, true}, "gop": {0, true},
})

// wordNames are given names that are also English words: "bill" in lower
// case says nothing against `Bill Hunt`.
var wordNames = map[string]bool{
	"bill": true, "mark": true, "will": true, "frank": true, "grace": true, "hope": true, "rose": true, "jack": true,
	"joy": true, "faith": true, "may": true, "june": true, "april": true, "dawn": true, "iris": true, "ruby": true,
	"pearl": true, "amber": true, "holly": true, "ivy": true, "lily": true, "daisy": true, "rich": true, "pat": true,
	"sue": true, "ray": true, "guy": true, "rob": true, "sandy": true, "grant": true, "dean": true, "earl": true,
	"glen": true, "dale": true, "cliff": true, "gene": true, "carol": true, "chuck": true, "hank": true, "don": true,
	"bob": true, "penny": true, "robin": true, "victor": true, "major": true, "chase": true, "wade": true,
	"rusty": true, "autumn": true, "summer": true, "sky": true, "august": true, "miles": true, "drew": true,
}

// rankAbbrevs are ranks as British news writes them, without a full stop
// (`Lt Col Eric Schnaible`): titles, but in capitals something else: `ADM`
// (Archer Daniels Midland), `CDR`, `COL`.
var rankAbbrevs = map[string]bool{
	"lt": true, "col": true, "gen": true, "maj": true, "brig": true, "capt": true, "sgt": true, "cpl": true,
	"adm": true, "cdr": true, "insp": true, "supt": true, "det": true,
}

// withRanks adds the rank abbreviations to the titles, as titles of office.
func withRanks(t map[string]titleInfo) map[string]titleInfo {
	for w := range rankAbbrevs {
		t[w] = titleInfo{0, true}
	}
	return t
}

// capsRank reports whether w is a rank abbreviation in capitals, which is
// no rank: `ADM said` is a company.
func capsRank(w string) bool {
	return isAcronym(w) && inSet(rankAbbrevs, w)
}

// paperDay reports whether token j is a day in a newspaper's name: `The
// Sunday Times`, `Sunday Mirror`, `The Mail on Sunday` (a day otherwise
// ends a name: `told Reuters on Sunday`, `Mr Smith Monday said`).
func (d *doc) paperDay(j, te int) bool {
	if w := d.word(j); !strings.EqualFold(w, "sunday") && !strings.EqualFold(w, "saturday") {
		return false
	}
	if j+1 < te && d.toks[j+1].kind == tWord && inSet(newspaperWords, d.word(j+1)) {
		return true
	}
	return j >= 2 && d.isWord(j-1, "on") && d.toks[j-2].kind == tWord && inSet(onSundayPapers, d.word(j-2))
}

// newspaperWords name a newspaper after a day (`Sunday Times`).
var newspaperWords = map[string]bool{
	"times": true, "telegraph": true, "herald": true, "mirror": true, "express": true, "post": true, "people": true,
	"mail": true, "star": true, "independent": true, "sport": true, "tribune": true,
}

// onSundayPapers name a newspaper before "on Sunday" (`The Mail on
// Sunday`); others before it are the day it wrote (`The Washington Post on
// Sunday reported`).
var onSundayPapers = map[string]bool{"mail": true, "independent": true, "scotland": true}

// postNominals follow a name (`Frank Field MP`, `Guy Mansfield QC`): they
// are a role, not part of the name. (Not "Jr": Donald Trump Jr is not his
// father.)
var postNominals = map[string]bool{
	"MP": true, "MEP": true, "MSP": true, "AM": true, "QC": true, "KC": true, "OBE": true, "MBE": true,
	"CBE": true, "KBE": true, "DBE": true, "PhD": true,
}

// roleWords mark the part of a capitalised run that is a role or body
// rather than the person's name ("UN Under-Secretary-General for Political
// Affairs Jeffrey Feltman").
var roleWords = map[string]bool{
	"affairs": true, "state": true, "defense": true, "defence": true, "health": true, "justice": true, "treasury": true,
	"exchequer": true,
	"home":      true, "office": true, "department": true, "general": true, "secretary-general": true, "under-secretary-general": true,
	"executive": true, "officer": true, "ceo": true, "chair": true, "head": true, "founder": true, "analyst": true,
	"envoy": true, "mediator": true, "adviser": true, "advisor": true, "counsel": true, "host": true, "anchor": true,
	"correspondent": true, "editor": true, "columnist": true, "economist": true, "strategist": true, "pollster": true,
	"chairman": true, "president": true, "minister": true, "secretary": true, "spokesman": true, "spokeswoman": true,
	"party": true, "campaign": true, "committee": true, "council": true, "commission": true, "democrat": true,
	"republican": true, "democrats": true, "republicans": true, "representative": true, "senator": true, "governor": true,
	"senate": true, "house": true, "congress": true, "majority": true, "minority": true, "whip": true, "shadow": true,
	"labour": true, "conservative": true, "tory": true, "liberal": true, "democratic": true, "national": true,
	"presidential": true, "former": true, "white": true, "press": true, "board": true, "staff": true, "security": true,
}

// orgWords make a capitalised run an organisation.
var orgWords = map[string]bool{
	"nations": true, "party": true, "ministry": true, "department": true, "council": true, "committee": true,
	"commission": true, "union": true, "bank": true, "inc": true, "inc.": true, "corp": true, "corp.": true, "ltd": true,
	"association": true, "organisation": true, "organization": true, "agency": true, "office": true, "government": true,
	"court": true, "police": true, "group": true, "institute": true, "university": true, "company": true, "foundation": true,
	"times": true, "news": true, "post": true, "journal": true, "network": true, "campaign": true, "coalition": true,
	"congress": true, "senate": true, "house": true, "parliament": true, "army": true, "forces": true, "service": true,
	"authority": true, "board": true, "federation": true, "league": true, "club": true, "fc": true, "trust": true,
	"society": true, "centre": true, "center": true, "fund": true, "administration": true, "reserve": true,
	"assembly": true, "cabinet": true, "watch": true, "press": true, "reuters": true, "tribune": true, "telegraph": true,
	"guardian": true, "herald": true, "magazine": true, "channel": true, "airlines": true, "airways": true, "motors": true,
	"industries": true, "international": true, "co": true, "co.": true, "plc": true, "llc": true, "commons": true,
	"pentagon": true, "kremlin": true, "council's": true, "democrats": true, "republicans": true, "conservatives": true,
	"tories": true, "executive": true, "treasury": true, "bureau": true, "unit": true, "network's": true, "fbi": true,
	"mirror": true, "mail": true, "express": true, "observer": true,
}

// capStopWords are capitalised words that do not begin a name.
var capStopWords = map[string]bool{
	"the": true, "a": true, "an": true, "in": true, "on": true, "at": true, "but": true, "and": true, "or": true, "he": true,
	"she": true, "it": true, "they": true, "we": true, "i": true, "this": true, "that": true, "these": true, "those": true,
	"there": true, "his": true, "her": true, "their": true, "its": true, "our": true, "my": true, "if": true, "when": true,
	"while": true, "after": true, "before": true, "as": true, "for": true, "with": true, "by": true, "from": true, "to": true,
	"of": true, "so": true, "yet": true, "however": true, "meanwhile": true, "also": true, "still": true, "now": true,
	"then": true, "what": true, "who": true, "why": true, "how": true, "where": true, "asked": true, "speaking": true,
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true, "saturday": true, "sunday": true,
	"january": true, "february": true, "march": true, "april": true, "june": true, "july": true, "august": true,
	"september": true, "october": true, "november": true, "december": true, "last": true, "earlier": true, "later": true,
	"according": true, "despite": true, "although": true, "though": true, "since": true, "because": true, "during": true,
	"under": true, "mr": false, "one": true, "some": true, "many": true, "most": true, "all": true, "both": true, "no": true,
	"not": true, "you": true, "your": true, "we're": true, "it's": true, "i'm": true, "here": true, "yes": true, "do": true,
	"is": true, "was": true, "are": true, "will": true, "would": true, "can": true, "could": true, "should": true, "said": true,
}

// notNameStarts are capitalised words that begin a sentence or a headline
// but never a name, though they may sit inside one (`Coalition Against
// Trump`): "Maybe Trump is ...", "Besides Clinton's record", "Another
// Clinton ally". A run starting with one starts after it. (Not "Just" or
// "Rather": given names and surnames too. "Even" is one in Norway; in
// English news, "Even Mr Prescott said" is far commoner.)
var notNameStarts = map[string]bool{
	"maybe": true, "perhaps": true, "besides": true, "given": true, "like": true, "unlike": true, "absent": true,
	"had": true, "has": true, "have": true, "did": true, "does": true, "were": true, "another": true, "every": true,
	"each": true, "any": true, "such": true, "only": true, "even": true, "once": true, "whether": true,
	"unless": true, "until": true, "within": true, "amid": true, "among": true, "upon": true, "instead": true,
	"indeed": true, "already": true, "clearly": true, "obviously": true, "surely": true, "certainly": true,
	"sometimes": true, "often": true, "whatever": true, "whenever": true, "whose": true,
	"thanks": true, "including": true, "following": true, "between": true, "toward": true, "towards": true,
	"via": true, "nor": true, "either": true, "neither": true, "several": true, "few": true, "other": true,
	"never": true, "always": true, "again": true, "too": true, "very": true, "quite": true,
	"almost": true, "into": true, "let": true, "let's": true, "whereas": true, "otherwise": true,
	"see": true, "watch": true, "plus": true, "why": true, "hence": true, "thus": true, "therefore": true, "nevertheless": true,
}

// nameParticles are lower-case parts of names (al-Assad, de Gaulle).
func isNameParticle(w string) bool {
	switch w {
	case "al", "el", "bin", "ibn", "de", "van", "von", "der", "den", "da", "di", "du", "la", "le", "del", "dos", "das", "ben", "abu", "ul":
		return true
	}
	return strings.HasPrefix(w, "al-") || strings.HasPrefix(w, "el-") || strings.HasPrefix(w, "bin-") || strings.HasPrefix(w, "ibn-")
}

func isCapitalised(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// isAcronym: UN, NATO, BBC, U.S.
func isAcronym(w string) bool {
	n := 0
	for i := 0; i < len(w); i++ {
		c := w[i]
		switch {
		case c >= 'A' && c <= 'Z':
			n++
		case c == '.' || c == '&':
		default:
			return false
		}
	}
	return n >= 2
}

// stripPossessive removes a trailing 's / ’s / s'.
func stripPossessive(w string) (string, bool) {
	switch {
	case strings.HasSuffix(w, "'s"):
		return w[:len(w)-2], true
	case strings.HasSuffix(w, "’s"):
		return w[:len(w)-4], true
	case strings.HasSuffix(w, "'") && len(w) > 1:
		return w[:len(w)-1], true
	case strings.HasSuffix(w, "’") && len(w) > 3:
		return w[:len(w)-3], true
	}
	return w, false
}

// Fold normalises a name for matching and search: lower case, accents
// removed, leading titles (Mr, Dr, President, Sen., ...) and punctuation
// removed, spaces collapsed: "Mr. José  O'Neil-Smith" -> "jose oneil smith".
// A name that is only a title keeps it ("President" -> "president").
func Fold(name string) string {
	words := make([]string, 0, 4)
	var cur []byte
	var enc [utf8.UTFMax]byte
	flush := func() {
		if len(cur) > 0 {
			words = append(words, string(cur))
			cur = cur[:0]
		}
	}
	for _, r := range name {
		r = foldRune(r)
		switch {
		case r == '\'' || r == '’' || r == '.' || unicode.Is(unicode.Mn, r):
			// apostrophes, dots and combining accents join (O'Neil, U.S.)
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			n := utf8.EncodeRune(enc[:], unicode.ToLower(r))
			cur = append(cur, enc[:n]...)
		default:
			flush()
		}
	}
	flush()
	for len(words) > 1 && isPersonTitle(words[0]) {
		words = words[1:]
	}
	return strings.Join(words, " ")
}

// isPersonTitle: titles Fold drops (honorifics and offices before a name).
func isPersonTitle(w string) bool {
	switch w {
	case "mr", "mrs", "ms", "miss", "dr", "prof", "professor", "president", "sen", "senator", "rep", "gov", "governor",
		"sir", "dame", "lord", "lady", "rev", "reverend", "gen", "col", "capt", "lt", "sgt", "judge", "mayor", "messrs":
		return true
	}
	return false
}

// foldRune removes the accent of common Latin letters.
func foldRune(r rune) rune {
	if r < 0xC0 {
		return r
	}
	if r <= 0x17F {
		const from = "ÀÁÂÃÄÅàáâãäåÇçÈÉÊËèéêëÌÍÎÏìíîïÑñÒÓÔÕÖØòóôõöøÙÚÛÜùúûüÝýÿĀāĂăĄąĆćĈĉĊċČčĎďĐđĒēĔĕĖėĘęĚěĜĝĞğĠġĢģĤĥĦħĨĩĪīĬĭĮįİıĴĵĶķĹĺĻļĽľĿŀŁłŃńŅņŇňŌōŎŏŐőŔŕŖŗŘřŚśŜŝŞşŠšŢţŤťŦŧŨũŪūŬŭŮůŰűŲųŴŵŶŷŸŹźŻżŽž"
		const to = "AAAAAAaaaaaaCcEEEEeeeeIIIIiiiiNnOOOOOOooooooUUUUuuuuYyyAaAaAaCcCcCcCcDdDdEeEeEeEeEeGgGgGgGgHhHhIiIiIiIiIiJjKkLlLlLlLlLlNnNnNnOoOoOoRrRrRrSsSsSsSsTtTtTtUuUuUuUuUuUuWwYyYZzZzZz"
		i := 0
		for _, f := range from {
			if f == r {
				return rune(to[i])
			}
			i++
		}
	}
	return r
}

// name word classes, looked up once per word (classOf) instead of one map
// per class.
const (
	cTitle uint8 = 1 << iota
	cRole
	cOrg
	cCapStop
	cRoleNoun // roleNouns or roleWords
	cNotStart // notNameStarts
)

var nameClasses = func() map[string]uint8 {
	m := map[string]uint8{}
	for w := range titles {
		m[w] |= cTitle
	}
	for w := range roleWords {
		m[w] |= cRole
	}
	for w := range orgWords {
		m[w] |= cOrg
	}
	for w := range roleNouns {
		m[w] |= cRoleNoun
	}
	for w := range roleWords {
		m[w] |= cRoleNoun
	}
	for w := range notNameStarts {
		m[w] |= cNotStart
	}
	for w, stop := range capStopWords {
		if stop {
			m[w] |= cCapStop
		}
	}
	return m
}()

// classOf returns the name classes of w (case-insensitive).
func classOf(w string) uint8 {
	c, _ := lookup(nameClasses, w)
	return c
}
