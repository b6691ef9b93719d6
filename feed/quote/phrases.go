package quote

import (
	"strings"
	"unicode"
)

// clauseOpeners open a clause set off after a name (`, who ...,`), never a
// role.
var clauseOpeners = map[string]bool{
	"who": true, "whose": true, "whom": true, "which": true, "where": true, "when": true, "that": true, "while": true,
	"after": true, "before": true, "if": true, "because": true, "although": true, "though": true,
}

// isRolePhrase reports whether the aside [a, b) reads as a role (`the
// harbour commissioner`, `a spokesman for X`) rather than a relative clause
// (`whose restaurant ...`, `who asked ...`), a participle (`wearing a hat`)
// or an age (`58`).
func (d *doc) isRolePhrase(a, b int) bool {
	if a >= b || d.toks[a].kind != tWord {
		return false
	}
	w := d.word(a)
	if lw := strings.ToLower(w); clauseOpeners[lw] || lw == "as" {
		return false
	}
	if r := runeAt(w, 0, len(w)); r >= '0' && r <= '9' {
		return false
	}
	if !isCapitalised(w) && (strings.HasSuffix(w, "ing") || isPastVerb(w)) {
		return false
	}
	for i := a; i < b; i++ {
		if d.toks[i].flags&fCue != 0 {
			return false
		}
	}
	return true
}

func hasRoleNoun(d *doc, a, b int) bool {
	for i := a; i < b; i++ {
		if d.toks[i].kind == tWord && inSet(roleNouns, d.word(i)) {
			return true
		}
	}
	return false
}

// skipAux skips auxiliaries, adverbs and time phrases from token i forward.
func (d *doc) skipAux(i, te int) int {
	for n := 0; i < te && n < 4 && d.toks[i].kind == tWord; n++ {
		w := d.word(i)
		switch {
		case inSet(auxWords, w) || isLyAdverb(w):
			i++
		case (strings.EqualFold(w, "on") || strings.EqualFold(w, "last") || strings.EqualFold(w, "this")) && i+1 < te && d.toks[i+1].kind == tWord && inSet(timeWords, d.word(i+1)):
			i += 2
		default:
			return i
		}
	}
	return i
}

func isLyAdverb(w string) bool {
	return len(w) > 4 && strings.HasSuffix(w, "ly") && !isCapitalised(w) && w != "only" && w != "family" && w != "supply" && w != "rally"
}

// npBefore finds the source noun phrase ending just before the cue at c
// (auxiliaries and an appositive between them skipped). role is the
// appositive's text.
func (d *doc) npBefore(c, ts int) (sa, sb int, role string, ok bool) {
	return d.npBeforeAsides(c, ts, true)
}

// npBeforeAsides is npBefore, passing over linking asides before the cue
// when asides is set.
func (d *doc) npBeforeAsides(c, ts int, asides bool) (sa, sb int, role string, ok bool) {
	j := c - 1
	for n := 0; j >= ts && n < 4 && d.toks[j].kind == tWord; n++ {
		w := d.word(j)
		if inSet(auxWords, w) || isLyAdverb(w) {
			j--
			continue
		}
		if j-1 >= ts && inSet(timeWords, w) && d.toks[j-1].kind == tWord {
			pw := strings.ToLower(d.word(j - 1))
			if (pw == "on" || pw == "last" || pw == "this" || pw == "late" || pw == "early") && !d.paperDay(j, j+1) {
				j -= 2 // (not `The Mail on Sunday said`: the paper)
				continue
			}
		}
		break
	}
	if j < ts {
		return 0, 0, "", false
	}
	if k := d.linkingAside(j, ts); asides && k >= 0 {
		// `Brian Murphy, for example, said`, `Ann Lee, the mayor,
		// however, said`: the phrases linking the sentence to the one
		// before are neither source nor role. All of them go at once:
		// trying each in turn both ways would take exponential time.
		for k2 := k; k2 >= 0; k2 = d.linkingAside(k, ts) {
			k = k2
		}
		if a, b, role, ok := d.npBeforeAsides(k+1, ts, false); ok {
			return a, b, role, ok
		}
		return d.npBeforeAsides(k, ts, false)
	}
	if d.isPunct(j, ',') || d.isPunct(j, ')') {
		// `Jeffrey Feltman, the UN envoy, said`
		k := j - 1
		for k >= ts && j-k < 16 && d.toks[k].kind == tWord {
			k--
		}
		// `Sen. Mary Roe (R-Fla.) said`, `Mary Roe, R-Fla., said`: an
		// abbreviation's dot inside the aside
		for k > ts && j-k < 12 && (d.toks[k].kind == tWord || d.isPunct(k, '.')) {
			k--
		}
		if k <= ts || !(d.isPunct(k, ',') || d.isPunct(k, '(')) || k+1 >= j {
			return 0, 0, "", false
		}
		if k-2 > ts && d.isPunct(k, ',') && d.isPunct(k-2, ',') && d.toks[k-1].kind == tWord && isNumber(d.word(k-1)) {
			k -= 2 // `Mr Smith, 52, from Leeds, said`: an age before the aside
		}
		a, b, ok := d.npBack(k-1, ts)
		if ok && !isCapitalised(d.word(b-1)) && d.isNameSpan(k+1, j) {
			// `Ms Smith's manager, Tom Jones, said`: the name speaks and
			// the phrase before it is the role
			return k + 1, j, d.spanText(a, b), true
		}
		if d.isRolePhrase(k+1, j) {
			role = d.spanText(k+1, j)
		}
		if !ok || !isCapitalised(d.word(b-1)) {
			return 0, 0, "", false
		}
		return a, b, role, true
	}
	a, b, ok := d.npBack(j, ts)
	if ok && a-2 >= ts && b-a == 2 && d.isWord(a, "the") && inSet(occasionNouns, d.word(a+1)) && d.toks[a-1].kind == tWord && inSet(tailWords, d.word(a-1)) {
		// `The minister at the briefing said`: where they spoke, not who
		if pa, pb, pok := d.npBack(a-2, ts); pok {
			return pa, pb, "", true
		}
	}
	if ok && a-2 >= ts && d.placeOfSpeaker(a-1, b+1) {
		// `An official at the ministry said`: the phrase goes on back
		// over where the speaker works
		if pa, _, pok := d.npBack(a-2, ts); pok {
			a = pa
		}
	}
	return a, b, "", ok
}

// isNameSpan reports whether [a, b) is a short proper name: one to four
// capitalised words (particles allowed), none a cue.
func (d *doc) isNameSpan(a, b int) bool {
	if b <= a || b-a > 4 || inSet(capStopWords, d.word(a)) {
		return false
	}
	for i := a; i < b; i++ {
		if d.toks[i].kind != tWord || d.toks[i].flags&fCue != 0 {
			return false
		}
		if w := d.word(i); !isCapitalised(w) && !(i > a && isNameParticle(strings.ToLower(w))) {
			return false
		}
	}
	return true
}

// nameAfterRole returns the name set off after the role phrase [a, b) of an
// inverted cue (`said the coach, John Reed.`), or b, b.
func (d *doc) nameAfterRole(a, b, te int) (na, nb int) {
	if b <= a || b+1 >= te || isCapitalised(d.word(b-1)) || !d.isPunct(b, ',') {
		return b, b
	}
	e := b + 1
	for e < te && e-b <= 4 && d.toks[e].kind == tWord {
		e++
	}
	if (e < te && !d.isPunctAny(e, ",.;")) || !d.isNameSpan(b+1, e) {
		return b, b
	}
	return b + 1, e
}

// npBack finds a noun phrase ending at token j, walking left.
func (d *doc) npBack(j, ts int) (a, b int, ok bool) {
	if j < ts || d.toks[j].kind != tWord {
		return 0, 0, false
	}
	w := d.word(j)
	if _, isPron := lookup(subjectPronouns, w); isPron {
		return j, j + 1, true
	}
	if !isCapitalised(w) && (inSet(clauseWords, w) || inSet(npGlue, w) || isLyAdverb(w) || !unicode.IsLetter(runeAt(w, 0, len(w)))) {
		return 0, 0, false
	}
	if isCapitalised(w) && inSet(capStopWords, w) && !d.paperDay(j, j+1) {
		return 0, 0, false
	}
	if _, isCue := lookup(cueLemmas, w); isCue || d.pastCueAfterSubject(j, ts) {
		return 0, 0, false
	}
	k := j
	caps := isCapitalised(w)
	for k-1 >= ts && j-k < 12 {
		t := d.toks[k-1]
		if t.kind != tWord {
			break
		}
		pw := d.word(k - 1)
		lw := strings.ToLower(pw)
		if d.isHonorific(k) && d.sceneBefore(k, ts) {
			// `Leaving a Brussels summit Mr Blair said`, `The documentary
			// showed Mr Nattrass`: a name with its Mr starts the phrase
			break
		}
		if lw == "the" || lw == "a" || lw == "an" {
			k--
			if k-1 >= ts && d.toks[k-1].kind == tWord && (d.isWord(k-1, "of") || d.isWord(k-1, "for")) {
				k--
				continue
			}
			break
		}
		if isCapitalised(pw) {
			if inSet(capStopWords, pw) && !d.paperDay(k-1, j+1) {
				break
			}
			caps = true
			k--
			continue
		}
		if lw == "of" || lw == "for" || lw == "and" || isNameParticle(lw) || lw == "on" && d.paperDay(k, j+1) {
			k--
			continue
		}
		if inSet(clauseWords, pw) || inSet(auxWords, pw) || isLyAdverb(pw) || inSet(prepositions, pw) {
			break
		}
		if inSet(timeWords, pw) {
			break // `Last week officials said`: the time is not the speaker's
		}
		if _, isCue := lookup(cueLemmas, pw); isCue {
			break
		}
		if !caps && j-k >= 4 {
			break
		}
		k--
	}
	// glue words cannot open a phrase
	for k < j && (d.isWord(k, "of") || d.isWord(k, "for") || d.isWord(k, "and")) {
		k++
	}
	if j-k >= 12 {
		return 0, 0, false
	}
	return k, j + 1, true
}

// prepositions end a source phrase walking back, besides those in
// clauseWords: `legal action against Chelsea boss Jose Mourinho`, `the
// squad including captain Jason Robinson`.
var prepositions = map[string]bool{
	"against": true, "including": true, "despite": true, "during": true, "without": true, "towards": true,
	"toward": true, "among": true, "amongst": true, "between": true, "under": true, "via": true, "amid": true,
	"upon": true, "beyond": true, "behind": true, "across": true, "through": true, "throughout": true,
}

// placePrepositions open where something was said (`In Harrogate`).
var placePrepositions = map[string]bool{"in": true, "at": true, "with": true, "from": true, "on": true, "outside": true, "inside": true, "near": true}

// isPlacePreposition reports whether w opens where something was said,
// in any case (`In London`, `with Tanzania`).
func isPlacePreposition(w string) bool {
	return inSet(prepositions, w) || placePrepositions[strings.ToLower(w)]
}

// isHonorific reports whether token k is a title that is no role (Mr,
// Mrs, Dr, Sir), as opposed to President or Secretary.
func (d *doc) isHonorific(k int) bool {
	t, ok := lookup(titles, d.word(k))
	return ok && !t.roleTitle
}

// sceneBefore reports whether the words just before the name at token k
// (which opens with Mr, Dr, Sir ...) tell where or how it was said, or a
// verb, rather than who the speaker is: `at a Brussels summit`, `in his
// 49 minute speech`, `It was no good`, `The documentary showed`. A bare
// role before the name stays with it (`Tory peer Lord Tebbit`, `Forensic
// pathologist Dr Ann Lee`), as do `a spokesman for Mr Blair` and `a
// lawyer representing Mr Doherty`.
func (d *doc) sceneBefore(k, ts int) bool {
	if k-1 < ts || d.toks[k-1].kind != tWord {
		return false
	}
	pw := d.word(k - 1)
	lw := strings.ToLower(pw)
	if isCapitalised(pw) {
		// `with Tanzania Mr Brown`, `In Harrogate Mr Kennedy`: a place
		// after a preposition (not `Foreign Secretary Mr Straw`)
		i := k - 1
		for i >= ts && k-i <= 3 && d.toks[i].kind == tWord && isCapitalised(d.word(i)) && !isPlacePreposition(d.word(i)) &&
			classOf(d.word(i))&(cRoleNoun|cRole|cTitle|cOrg) == 0 {
			i--
		}
		return i >= ts && i < k-1 && d.toks[i].kind == tWord && isPlacePreposition(d.word(i))
	}
	if lw == "of" || lw == "for" || lw == "and" || lw == "the" || strings.HasSuffix(lw, "ing") || classOf(pw)&cRoleNoun != 0 {
		return false // `the Rev. Ann Lee` is one phrase
	}
	if isPastVerb(pw) || lw == "saw" {
		return true
	}
	// a determiner opening the few words before the name
	for i := k - 1; i >= ts && k-i <= 4 && d.toks[i].kind == tWord; i-- {
		switch strings.ToLower(d.word(i)) {
		case "a", "an", "the", "no", "his", "her", "their", "its", "this", "that":
			return true
		}
	}
	return false
}

// npForward finds a noun phrase starting at token i (after an inverted cue,
// or before a trailing one).
// placeOfSpeaker reports whether token k starts where an unnamed speaker
// works, after the word naming them: `an official at the ministry`, `a
// source in the government`, `a spokeswoman from the council` (not `the
// minister at the briefing`: that is where they spoke).
func (d *doc) placeOfSpeaker(k, te int) bool {
	if k == 0 || k+2 >= te || d.toks[k-1].kind != tWord || d.toks[k+2].kind != tWord || !d.isWord(k+1, "the") {
		return false
	}
	switch strings.ToLower(d.word(k)) {
	case "at", "in", "from", "with":
	default:
		return false
	}
	prev := strings.ToLower(d.word(k - 1))
	if classOf(prev)&cRoleNoun == 0 && prev != "source" && prev != "sources" && prev != "officials" {
		return false
	}
	return !inSet(occasionNouns, d.word(k+2))
}

// occasionNouns name where or when words were said, not who said them.
var occasionNouns = map[string]bool{
	"statement": true, "interview": true, "meeting": true, "conference": true, "briefing": true, "press": true,
	"event": true, "speech": true, "hearing": true, "debate": true, "rally": true, "summit": true, "launch": true,
	"morning": true, "afternoon": true, "evening": true, "weekend": true, "time": true, "end": true, "start": true,
	"ceremony": true, "session": true,
}

func (d *doc) npForward(i, te int) (a, b int) {
	if i >= te || d.toks[i].kind != tWord {
		return i, i
	}
	w := d.word(i)
	if _, isPron := lookup(subjectPronouns, w); isPron {
		return i, i + 1
	}
	k := i
	if lw := strings.ToLower(w); lw == "the" || lw == "a" || lw == "an" || lw == "its" || lw == "his" || lw == "her" || lw == "their" || lw == "this" || lw == "another" || lw == "one" {
		k++
	}
	for k < te && k-i < 10 && d.toks[k].kind == tWord {
		w := d.word(k)
		if isCapitalised(w) {
			if inSet(capStopWords, w) && k > i && !d.paperDay(k, te) {
				break
			}
			k++
			continue
		}
		lw := strings.ToLower(w)
		if (lw == "of" || lw == "for" || lw == "the" || lw == "and" || lw == "on" && k+1 < te && d.paperDay(k+1, te)) && k > i {
			k++
			continue
		}
		if isNameParticle(lw) && k > i {
			k++
			continue
		}
		if d.placeOfSpeaker(k, te) && k > i {
			k += 2 // `an official at the ministry`
			continue
		}
		if inSet(clauseWords, w) || inSet(auxWords, w) || isLyAdverb(w) || inSet(trailingCues, w) {
			break
		}
		if _, isCue := lookup(cueLemmas, w); isCue {
			break
		}
		if k > i && isPastVerb(w) && (isCapitalised(d.word(k-1)) || d.toks[k-1].kind == tWord && !inSet(npGlue, d.word(k-1)) && !isLyAdverb(d.word(k-1)) && !inSet(determiners, d.word(k-1)) && !d.isWord(k-1, "one")) {
			// a verb after a name or a noun: "Trump retaliated", "the
			// nominee riffed" (not "the embattled senator", "a newly
			// elected mayor")
			break
		}
		k++
	}
	for k > i && (d.isWord(k-1, "of") || d.isWord(k-1, "for") || d.isWord(k-1, "the") || d.isWord(k-1, "and")) {
		k--
	}
	return i, k
}

// isPossessive reports whether w ends in 's or ’s.
func isPossessive(w string) bool {
	return strings.HasSuffix(w, "'s") || strings.HasSuffix(w, "’s")
}

// namedObjectEnd cuts the object [j, e) of "told" after its name when a
// clause follows it at once: in `told CNN the vote was close` and `told
// the BBC the vote was close` the clause starts at "the vote", which the
// noun phrase took in (`told BBC Radio 4's Today programme the ...` too).
// Other objects are as the noun phrase found them (`told the Reuters news
// agency that ...`).
func (d *doc) namedObjectEnd(j, e int) int {
	k := j
	if d.isWord(k, "the") && k+1 < e {
		k++
	}
	if !isCapitalised(d.word(k)) {
		return e
	}
	for start := k; k < e && (isCapitalised(d.word(k)) || k > start && d.word(k)[0] >= '0' && d.word(k)[0] <= '9'); k++ {
	}
	if k+1 < e && inSet(outletNouns, d.word(k)) {
		k++
	}
	if k < e && d.isWord(k, "the") { // not "a": `asked Trump a question`
		return k
	}
	return e
}

// outletNouns end the name of a programme or outlet a speaker talks to.
var outletNouns = map[string]bool{
	"programme": true, "program": true, "show": true, "newspaper": true, "radio": true, "television": true,
	"podcast": true, "magazine": true, "channel": true, "network": true, "station": true, "website": true,
}

// afterCue returns where the reported content starts after the cue [c, ce):
// after "that" when it comes soon, after the object of "told", after a
// colon or comma.
func (d *doc) afterCue(c, ce, te int) int {
	for k := ce; k < te && k < ce+9; k++ {
		if d.toks[k].kind == tQuote && d.nameQuote(k) {
			continue // `told "Morning Joe" on Monday that ...`
		}
		if d.toks[k].kind != tWord {
			break
		}
		if d.isWord(k, "that") {
			return k + 1
		}
		if cueEnd := d.cueAt(k, te); cueEnd > k || isPassiveAux(d.word(k)) {
			// `said the warning was indicative that ...`: the "that"
			// after a verb of the content's own is inside the content
			break
		}
	}
	j := ce
	lemma, _ := lookup(cueLemmas, d.word(c))
	if j+1 < te && d.toks[j].kind == tQuote && d.nameQuote(j) && (lemma == "tell" || lemma == "ask") {
		// `told "Harbour Morning" on Monday the ferry was late`: the
		// quoted name of a show is the object
		j++
	} else if j < te && d.toks[j].kind == tWord && (lemma == "tell" || lemma == "ask" || lemma == "warn" || lemma == "urge" || lemma == "remind" || lemma == "assure") {
		switch w := d.word(j); {
		case inSet(objectWords, w) && !d.isWord(j, "the") && !d.isWord(j, "a") && !d.isWord(j, "an"):
			j++
		case isCapitalised(w) || d.isWord(j, "the") || d.isWord(j, "a"):
			_, e := d.npForward(j, te)
			if e > j {
				j = d.namedObjectEnd(j, e)
			}
			if j == e && e < te && d.toks[e].kind == tQuote && d.nameQuote(e) && isPossessive(d.word(e-1)) {
				// `told ABC's "Good Morning America" on Monday ...`: the
				// programme is the object
				j = e + 1
			}
		}
	}
	j = d.skipAux(j, te)
	// "in a statement", "in an interview with CNN" before the content
	if j < te && d.isWord(j, "in") && j+2 < te && (d.isWord(j+1, "a") || d.isWord(j+1, "an")) {
		k := j + 2
		for k < te && k < j+8 && d.toks[k].kind == tWord {
			k++
		}
		if k < te && d.isPunctAny(k, ",:") {
			j = k
		}
	}
	for j < te && d.isPunctAny(j, ",:—–") {
		j++
	}
	if j+1 < te && d.isWord(j, "to") && d.toks[j+1].kind == tQuote && j == ce {
		// `vowed to "fight for every vote"`: the quotation opens the content
		j++
	}
	return j
}

// nameQuote reports whether the quotation at token k is a short title in
// capitals (`"Morning Joe"`, `"Face the Nation"`): a name, not words said.
func (d *doc) nameQuote(k int) bool {
	q := d.quotes[d.toks[k].q]
	inner := strings.TrimSpace(d.text[q.inner:q.innerEnd])
	return strings.Count(inner, " ") < 5 && d.isTitleCase(inner)
}

// isTail reports whether [a, b) is a short phrase that may trail a
// quotation without being part of it ("on Friday afternoon").
func (d *doc) isTail(a, b int) bool {
	if a >= b {
		return true
	}
	if d.toks[a].kind != tWord || !inSet(tailWords, d.word(a)) || b-a > 7 {
		return false
	}
	for k := a; k < b; k++ {
		if d.toks[k].kind == tQuote {
			return false
		}
	}
	return true
}

// findWord returns the index of the word w in [a, b), or -1.
func (d *doc) findWord(a, b int, w string) int {
	for k := a; k < b; k++ {
		if d.isWord(k, w) {
			return k
		}
	}
	return -1
}

// isPastVerb: a lower-case word ending in -ed, taken for a verb after a name.
func isPastVerb(w string) bool {
	return len(w) > 4 && strings.HasSuffix(w, "ed") && !isCapitalised(w)
}

// isNumber reports whether w is all digits (an age, a year).
func isNumber(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] < '0' || w[i] > '9' {
			return false
		}
	}
	return w != ""
}

// linkingWords link a sentence to the one before ("however"); news sets
// them off by commas between a speaker and the cue, as it does the phrases
// of linkingPhrases ("for example").
var linkingWords = map[string]bool{
	"however": true, "meanwhile": true, "though": true, "too": true, "instead": true, "indeed": true,
	"nonetheless": true, "nevertheless": true, "moreover": true, "furthermore": true, "likewise": true,
	"similarly": true, "also": true,
}

var linkingPhrases = map[string]bool{
	"for example": true, "for instance": true, "in turn": true, "in fact": true, "of course": true,
	"in particular": true, "by contrast": true, "in contrast": true, "at least": true, "in response": true,
	"for his part": true, "for her part": true, "for their part": true, "for its part": true,
	"on the other hand": true, "in addition": true, "as well": true,
}

// linkingAside returns the comma opening a linking word or phrase that ends
// at the comma j (`, however,`, `, for example,`), or -1.
func (d *doc) linkingAside(j, ts int) int {
	if !d.isPunct(j, ',') {
		return -1
	}
	k := j - 1
	for k >= ts && j-k <= 5 && d.toks[k].kind == tWord {
		k--
	}
	if k <= ts || k == j-1 || !d.isPunct(k, ',') {
		return -1
	}
	if j-k == 2 && inSet(linkingWords, d.word(k+1)) || j-k > 2 && linkingPhrases[strings.ToLower(d.spanText(k+1, j))] {
		return k
	}
	return -1
}
