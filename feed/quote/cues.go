package quote

import "strings"

// cueLemmas maps the forms of verbs of saying to their lemma. Only these
// start an attribution: beliefs and feelings (think, hope) are not quotes.
var cueLemmas = buildCueLemmas()

func buildCueLemmas() map[string]string {
	lemmas := map[string]string{}
	// verb: forms (base, 3rd person, past, participle, -ing)
	forms := [][]string{
		{"say", "says", "said", "saying"},
		{"tell", "tells", "told", "telling"},
		{"add", "adds", "added", "adding"},
		{"write", "writes", "wrote", "written", "writing"},
		{"ask", "asks", "asked", "asking"},
		{"note", "notes", "noted", "noting"},
		{"report", "reports", "reported"},
		{"announce", "announces", "announced", "announcing"},
		{"argue", "argues", "argued", "arguing"},
		{"tweet", "tweets", "tweeted", "tweeting"},
		{"explain", "explains", "explained", "explaining"},
		{"declare", "declares", "declared", "declaring"},
		{"state", "stated", "stating"},
		{"claim", "claims", "claimed", "claiming"},
		{"insist", "insists", "insisted", "insisting"},
		{"warn", "warns", "warned", "warning"},
		{"reply", "replies", "replied", "replying"},
		{"respond", "responds", "responded", "responding"},
		{"comment", "commented"},
		{"acknowledge", "acknowledges", "acknowledged", "acknowledging"},
		{"admit", "admits", "admitted", "admitting"},
		{"suggest", "suggests", "suggested", "suggesting"},
		{"confirm", "confirms", "confirmed", "confirming"},
		{"deny", "denies", "denied", "denying"},
		{"continue", "continued"},
		{"predict", "predicts", "predicted"},
		{"recall", "recalls", "recalled", "recalling"},
		{"promise", "promised"},
		{"vow", "vows", "vowed", "vowing"},
		{"pledge", "pledged"},
		{"urge", "urges", "urged", "urging"},
		{"contend", "contends", "contended"},
		{"assert", "asserts", "asserted"},
		{"stress", "stressed"},
		{"emphasise", "emphasised", "emphasized"},
		{"testify", "testified"},
		{"quip", "quipped"},
		{"joke", "joked"},
		{"concede", "concedes", "conceded"},
		{"complain", "complains", "complained"},
		{"boast", "boasted"},
		{"shout", "shouted"},
		{"yell", "yelled"},
		{"proclaim", "proclaimed"},
		{"remark", "remarked"},
		{"observe", "observed"},
		{"describe", "described"},
		{"accuse", "accused"},
		{"charge", "charged"},
		{"allege", "alleges", "alleged"},
		{"mention", "mentioned"},
		{"counter", "countered"},
		{"retort", "retorted"},
		{"repeat", "repeated"},
		{"agree", "agreed"},
		{"indicate", "indicated"},
		{"maintain", "maintains", "maintained"},
		{"reveal", "revealed"},
		{"wonder", "wondered"},
		{"post", "posted"},
	}
	for _, f := range forms {
		for _, w := range f[1:] {
			lemmas[w] = f[0]
		}
		lemmas[f[0]] = f[0]
	}
	// Base forms that are far more often nouns or other verbs in news text.
	for _, w := range []string{"state", "report", "note", "post", "charge", "counter", "comment", "claim", "joke", "stress", "promise", "pledge", "vow", "observe", "maintain", "remark", "continue", "agree", "repeat", "describe", "accuse", "wonder", "mention", "indicate", "reveal", "charged", "posted", "described", "accused", "agreed", "indicated", "maintained", "revealed", "wondered", "mentioned", "repeated", "observed", "continued"} {
		delete(lemmas, w)
	}
	return lemmas
}

// trailingCues are verbs that only cue a quotation standing right next to
// them (`"...," he continued`, `"...," read one`); elsewhere they are too
// often something else.
var trailingCues = map[string]bool{
	"continued": true, "continues": true, "concluded": true, "concludes": true, "answered": true, "answers": true,
	"read": true, "reads": true, "echoed": true, "echoes": true, "recalled": true, "offered": true, "chimed": true,
	"laughed": true, "cautioned": true, "cautions": true, "pleaded": true, "demanded": true, "mused": true, "opined": true,
	"countered": true, "counters": true, "retorted": true, "snapped": true, "interjected": true, "interrupted": true,
	"exclaimed": true, "confessed": true, "remarked": true, "observed": true, "mentioned": true, "recounted": true,
	"reiterated": true, "summarized": true, "summarised": true, "posted": true, "wondered": true, "shot": true,
	"fired": true, "noted": true, "notes": true, "began": true, "begins": true, "adds": true, "pointed": true, "points": true,
	"went": true, "goes": true, "stated": true, "states": true, "says": true, "tweeted": true, "tweets": true,
	"explains": true, "explained": true, "elaborated": true, "agreed": true, "agrees": true, "repeated": true,
	"charged": true, "charges": true, "claimed": true, "cracked": true, "joked": true, "jokes": true, "whispered": true,
	"sighed": true, "smiled": true, "predicted": true, "acknowledged": true, "pointing": true, "writes": true, "wrote": true,
	"replied": true, "replies": true, "responded": true, "responds": true, "asks": true, "asked": true, "added": true,
	"said": true, "told": true, "tells": true, "reported": true, "reports": true, "announced": true, "declared": true,
	"insisted": true, "insists": true, "warned": true, "warns": true, "argued": true, "argues": true, "suggested": true,
	"suggests": true, "admitted": true, "admits": true, "conceded": true, "concedes": true, "complained": true,
	"boasted": true, "vowed": true, "promised": true, "urged": true, "urges": true, "quipped": true, "stressed": true,
	"emphasized": true, "emphasised": true, "testified": true, "maintained": true, "maintains": true, "explaining": true,
	// manners of speaking, which news uses beside a quotation and seldom
	// anywhere else
	"questioned": true, "queried": true, "scoffed": true, "muttered": true, "screamed": true, "cried": true,
	"chanted": true, "bragged": true, "griped": true, "lamented": true, "implored": true, "begged": true,
	"gushed": true, "sneered": true, "taunted": true, "teased": true, "chided": true, "scolded": true,
	"mocked": true, "deadpanned": true, "protested": true, "objected": true, "ventured": true, "marveled": true,
	"marvelled": true, "thundered": true, "fumed": true, "groused": true, "whined": true, "murmured": true,
	"mumbled": true, "grumbled": true, "hollered": true, "barked": true, "bellowed": true, "shrugged": true,
}

// tailWords open the words that may follow a cue without being its content
// ("said in a statement", "said on Friday", "told reporters after ...").
var tailWords = map[string]bool{
	"in": true, "on": true, "at": true, "during": true, "after": true, "before": true, "when": true, "while": true,
	"as": true, "from": true, "via": true, "with": true, "through": true, "last": true, "this": true, "yesterday": true,
	"today": true, "tonight": true, "adding": true, "according": true, "citing": true, "referring": true, "speaking": true,
	"earlier": true, "later": true, "recently": true, "then": true, "monday": true, "tuesday": true, "wednesday": true,
	"thursday": true, "friday": true, "saturday": true, "sunday": true, "of": true, "about": true, "to": true, "by": true,
	"following": true, "amid": true, "outside": true, "inside": true, "shortly": true, "here": true, "there": true,
	"afterwards": true, "afterward": true, "recalling": true, "noting": true, "pointing": true, "saying": true,
	"explaining": true, "describing": true, "because": true, "since": true, "for": true, "under": true,
}

// weakCues only count before "that" or a quotation, never alone.
var weakCues = map[string]bool{"reported": true, "reports": true, "noted": true, "notes": true, "claims": true, "warning": true, "stated": true, "adding": true}

// auxiliaries and adverbs that may stand between a source and its cue
// ("has said", "also told", "later added").
var auxWords = map[string]bool{
	"has": true, "have": true, "had": true, "is": true, "was": true, "are": true, "were": true, "be": true, "been": true,
	"will": true, "would": true, "could": true, "might": true, "may": true, "should": true, "can": true, "must": true,
	"did": true, "does": true, "do": true, "not": true, "also": true, "later": true, "earlier": true, "previously": true,
	"recently": true, "then": true, "once": true, "again": true, "repeatedly": true, "reportedly": true, "further": true,
	"often": true, "already": true, "never": true, "just": true, "still": true, "even": true, "first": true, "last": true,
	"today": true, "yesterday": true, "tonight": true, "now": true, "separately": true, "subsequently": true, "initially": true,
	"originally": true, "simply": true, "flatly": true, "publicly": true, "privately": true, "quickly": true, "immediately": true,
	"finally": true, "always": true, "too": true, "had've": true, "has't": true, "hasn't": true, "hadn't": true, "didn't": true,
	"doesn't": true, "don't": true, "wouldn't": true, "won't": true, "once-again": true, "openly": true, "angrily": true,
	"bluntly": true, "told": false, "confidently": true, "frequently": true, "similarly": true, "likewise": true, "herself": true, "himself": true,
	"itself": true, "themselves": true,
}

// timeWords may follow "on"/"last"/"this" in a time phrase next to a cue.
var timeWords = map[string]bool{
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true, "saturday": true, "sunday": true,
	"week": true, "month": true, "year": true, "night": true, "morning": true, "afternoon": true, "evening": true,
	"weekend": true, "time": true, "summer": true, "spring": true, "autumn": true, "fall": true, "winter": true,
}

// pronouns that can name a speaker.
var subjectPronouns = map[string]byte{"he": 'm', "she": 'f', "they": 'p', "it": 'n', "we": 'w', "i": 'i', "you": 'y'}

// clauseWords end a backward walk over a source noun phrase: what precedes
// them is not part of the speaker's name.
var clauseWords = map[string]bool{
	"that": true, "which": true, "who": true, "whom": true, "as": true, "and": true, "but": true, "or": true, "nor": true, "because": true,
	"while": true, "when": true, "if": true, "after": true, "before": true, "since": true, "so": true, "than": true,
	"where": true, "whether": true, "although": true, "though": true, "whereas": true, "what": true, "why": true,
	"how": true, "until": true, "unless": true, "however": true, "meanwhile": true, "yet": true, "instead": true,
	"said": true, "says": true, "told": true, "is": true, "was": true, "are": true, "were": true, "to": true, "not": true,
	"by": true, "with": true, "at": true, "on": true, "in": true, "from": true, "into": true, "about": true, "over": true,
	"has": true, "have": true, "had": true, "be": true, "been": true, "will": true, "would": true, "this": true,
	"also": true, "even": true, "just": true, "still": true, "then": true, "there": true, "here": true, "now": true,
	"it": true, "he": true, "she": true, "they": true, "we": true, "i": true, "you": true, "his": true, "her": true,
	"their": true, "its": true, "our": true, "my": true, "your": true, "him": true, "them": true, "us": true, "me": true,
	"can": true, "could": true, "should": true, "may": true, "might": true, "must": true, "do": true, "does": true, "did": true,
	"all": true, "only": true, "some": true, "many": true, "most": true,
}

// npGlue may stand inside a source noun phrase ("a spokesman for the
// company", "Secretary of State John Kerry").
var npGlue = map[string]bool{"the": true, "a": true, "an": true, "of": true, "for": true, "and": true}

// objectWords are the usual objects of "told" (told reporters, told him).
var objectWords = map[string]bool{
	"reporters": true, "journalists": true, "him": true, "her": true, "them": true, "us": true, "me": true, "you": true,
	"supporters": true, "lawmakers": true, "members": true, "parliament": true, "delegates": true, "viewers": true,
	"listeners": true, "an": true, "audience": true, "crowd": true, "mps": true, "the": true, "a": true, "interviewers": true,
	"congress": true, "senators": true, "voters": true, "students": true, "fans": true, "attendees": true,
}

// lookup lower-cases w (ASCII) and looks it up without allocating.
func lookup[V any](m map[string]V, w string) (V, bool) {
	var buf [24]byte
	if !listed.mayHold(w) {
		var zero V
		return zero, false
	}
	b, ok := lowerASCII(buf[:0], w)
	if !ok {
		var zero V
		return zero, false
	}
	v, ok := m[string(b)]
	return v, ok
}

func inSet(m map[string]bool, w string) bool {
	v, _ := lookup(m, w)
	return v
}

// cueEnds holds the lengths (as bits) of the cue words by first and last
// letter, a cheap
// filter before the map look-ups of markCues.
var cueEnds = func() (t [26][26]uint16) {
	add := func(w string) {
		a, z := w[0]|0x20, w[len(w)-1]|0x20
		if a >= 'a' && a <= 'z' && z >= 'a' && z <= 'z' && len(w) < 16 {
			t[a-'a'][z-'a'] |= 1 << len(w)
		}
	}
	for w := range cueLemmas {
		add(w)
	}
	for w := range trailingCues {
		add(w)
	}
	add("according")
	return t
}()

// determiners make the verb of saying after them an adjective or a noun
// (`the charged term`, `a reported 200 arrests`, `his stated aim`).
var determiners = map[string]bool{
	"the": true, "a": true, "an": true, "his": true, "their": true, "its": true, "our": true,
	"my": true, "your": true,
}

// markCues flags the tokens that are cue words, once per text.
func markCues(s string, toks []token) {
	for i := range toks {
		t := &toks[i]
		if t.kind != tWord || t.e-t.s < 3 || t.e-t.s > 13 {
			continue
		}
		a, z := s[t.s]|0x20, s[t.e-1]|0x20
		if a < 'a' || a > 'z' || z < 'a' || z > 'z' || cueEnds[a-'a'][z-'a']&(1<<(t.e-t.s)) == 0 {
			continue
		}
		if i > 0 && toks[i-1].kind == tWord && inSet(determiners, s[toks[i-1].s:toks[i-1].e]) {
			continue // `the charged term`, `his stated aim`: an adjective
		}
		if i > 0 && s[t.s:t.e] == "States" && toks[i-1].kind == tWord && s[toks[i-1].s:toks[i-1].e] == "United" {
			continue // `the United States "must stop ..."`: a name
		}
		w := s[t.s:t.e]
		if _, ok := lookup(cueLemmas, w); ok || len(w) == 9 && strings.EqualFold(w, "according") {
			t.flags |= fCue
		}
		if inSet(trailingCues, w) {
			t.flags |= fTrailingCue
		}
	}
}

// wordFilter tells cheaply whether a word may be on one of the word lists
// that lookup reads: one bit for each (length, first letter, last letter)
// of a listed word. Most words of a text are on no list, and the filter
// turns them away without lower-casing and hashing them.
type wordFilter [32][27]uint32

func letterIndex(c byte) int {
	c |= 0x20
	if c >= 'a' && c <= 'z' {
		return int(c - 'a')
	}
	return 26
}

func (f *wordFilter) add(w string) {
	if w != "" {
		f[min(len(w), 31)][letterIndex(w[0])] |= 1 << letterIndex(w[len(w)-1])
	}
}

func (f *wordFilter) mayHold(w string) bool {
	return w != "" && f[min(len(w), 31)][letterIndex(w[0])]&(1<<letterIndex(w[len(w)-1])) != 0
}

// wordLists are the lists lookup and inSet read, by name (a test checks
// that every list passed to them is here).
var wordLists = map[string][]string{
	"capStopWords": keys(capStopWords), "cueLemmas": keys(cueLemmas), "subjectPronouns": keys(subjectPronouns),
	"auxWords": keys(auxWords), "trailingCues": keys(trailingCues), "tailWords": keys(tailWords),
	"npGlue": keys(npGlue), "exprVerbs": keys(exprVerbs), "clauseWords": keys(clauseWords),
	"titles": keys(titles), "timeWords": keys(timeWords), "objectWords": keys(objectWords),
	"roleNouns": keys(roleNouns), "occasionWords": keys(occasionWords), "titleSmallWords": keys(titleSmallWords),
	"tailStops": keys(tailStops), "nameClasses": keys(nameClasses), "ingNouns": keys(ingNouns),
	"connectives": keys(connectives), "occasionNouns": keys(occasionNouns),
	"outletNouns": keys(outletNouns), "linkingWords": keys(linkingWords), "determiners": keys(determiners),
	"coordinatedReports": keys(coordinatedReports), "circumstanceWords": keys(circumstanceWords),
	"prepositions": keys(prepositions), "embedWords": keys(embedWords), "staffRoles": keys(staffRoles), "roleAdjectives": keys(roleAdjectives),
	"groupNouns": keys(groupNouns), "newspaperWords": keys(newspaperWords), "onSundayPapers": keys(onSundayPapers),
	"wordNames": keys(wordNames), "rankAbbrevs": keys(rankAbbrevs),
	"speakersFor": keys(speakersFor),
}

var listed = func() (f wordFilter) {
	for _, words := range wordLists {
		for _, w := range words {
			f.add(w)
		}
	}
	return f
}()

func keys[V any](m map[string]V) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	return ks
}
