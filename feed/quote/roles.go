package quote

import "strings"

// Roles: the words that say what a speaker is (`the Syrian National
// Coalition leader`, `UN envoy`), before a name, in an appositive after
// it, or in the source phrase itself.

// roleText is the text of [a, b) without honorific titles (Mr, Dr) that are
// not roles.
func (d *doc) roleText(a, b int) string {
	for a < b {
		ti, ok := lookup(titles, d.word(a))
		if !ok || ti.roleTitle {
			break
		}
		a++
	}
	// `Donald Trump and Sen. Ted Cruz`, `Mr. Rubio and House Speaker Paul
	// Ryan`: another person's name ahead of "and" is no part of the role.
	// It is a person's when the article names that person, or when a title
	// or role follows "and" (`Trade and Industry Secretary`, `Real Madrid
	// and Spain captain`, `Saint Kitts and Nevis prime minister` are roles).
	for i := a + 1; i+1 < b; i++ {
		if !d.isNameWord(i - 1) {
			break
		}
		if d.isWord(i, "and") {
			if d.namesPerson(a, i) || d.opensRole(i+1) {
				a = i + 1
			}
			break
		}
	}
	for b > a {
		if inSet(npGlue, d.word(b-1)) {
			return "" // `Brian and Sheila Haddow`, `mayor of`: no role
		}
		ti, ok := lookup(titles, d.word(b-1))
		if !ok || ti.roleTitle {
			break
		}
		b--
	}
	a = d.roleStart(a, b)
	// `Defence Secretary Geoff Hoon and Prime Minister Tony Blair`: the
	// role is what follows the other person's name
	for i := b - 1; i > a+2; i-- {
		if d.isWord(i, "and") && d.isNameWord(i-1) && d.isNameWord(i-2) && d.isOffice(i-3) {
			a = i + 1 // (not `Former South Africa and England captain`)
			break
		}
	}
	if a >= b || b == a+1 && !d.roleWord(a) {
		return ""
	}
	return d.spanText(a, b)
}

// namesWhat reports whether the words [a, b) before a name can say what
// the person is: any capitalised word (`Tory peer`, `BBC`), or lower-case
// words ending in a noun for a person or a body (`the retired
// neurosurgeon`, `media watchdog`). `The memory Gordon Brown says keeps
// returning` has none.
func (d *doc) namesWhat(a, b int) bool {
	for i := a; i < b; i++ {
		// (a capital that opens a sentence says nothing: `Yesterday
		// angry Tom Jones said`)
		if w := d.word(i); d.toks[i].kind == tWord && isCapitalised(w) && !sentenceWords[strings.ToLower(w)] &&
			!inSet(capStopWords, w) && classOf(w)&cNotStart == 0 {
			return true
		}
	}
	last := b - 1
	for i := a + 1; i < b; i++ {
		if d.isWord(i, "of") || d.isWord(i, "for") {
			last = i - 1 // `director of rugby`, `minister for civil aviation`
			break
		}
	}
	for last >= a && d.toks[last].kind != tWord {
		last--
	}
	return last >= a && isRoleHead(strings.ToLower(d.word(last)))
}

// isRoleHead reports whether a lower-case noun can head a role: a role or
// body word, or a noun for a person by its ending (neurosurgeon,
// oncologist, co-ordinator, vice-chairman, stepsister).
func isRoleHead(w string) bool {
	w, _ = stripPossessive(w)
	if strings.HasSuffix(w, "-year-old") {
		return true // `the 19-year-old`
	}
	if i := strings.Index(w, "-of-"); i > 0 {
		w = w[:i] // `father-of-three`, `mother-of-two`
	}
	if i := strings.LastIndexByte(w, '-'); i >= 0 && i+1 < len(w) {
		w = w[i+1:] // `co-host`, `team-mate`
	}
	if classOf(w)&(cRoleNoun|cRole|cOrg|cTitle) != 0 || roleHeads[w] {
		return true
	}
	w = strings.TrimSuffix(w, "s") // (petitioners, analysts)
	if classOf(w)&(cRoleNoun|cRole|cOrg|cTitle) != 0 || roleHeads[w] {
		return true
	}
	// (not -ant, -ent or -ee: brilliant, eloquent, three)
	for _, end := range []string{"er", "or", "ist", "ian", "eon", "eur", "man", "men", "woman", "person"} {
		if strings.HasSuffix(w, end) && len(w) > len(end)+2 {
			return true
		}
	}
	return false
}

// roleHeads are nouns for people and bodies that no ending gives away and
// no other list holds (roleNouns has "boss", "chief", "wife").
var roleHeads = map[string]bool{
	"firm": true, "brokerage": true, "watchdog": true, "charity": true, "body": true, "newspaper": true,
	"paper": true, "website": true, "site": true, "seed": true, "veteran": true, "ally": true, "critic": true, "doctor": true, "agent": true,
	"colleague": true, "friend": true, "partner": true, "son": true, "daughter": true, "mother": true,
	"father": true, "brother": true, "sister": true, "boyfriend": true, "girlfriend": true,
	"chef": true, "pupil": true, "student": true, "nurse": true, "family": true, "panel": true,
	"team": true, "side": true, "squad": true, "giant": true, "maker": true, "chain": true, "label": true,
	"studio": true, "outlet": true, "show": true, "programme": true, "program": true, "blog": true,
	"mate": true, "fellow": true, "supremo": true, "legend": true, "nephew": true, "niece": true, "cousin": true,
	"uncle": true, "aunt": true, "publication": true, "engine": true, "guru": true, "icon": true,
	"resident": true, "opponent": true, "proponent": true, "respondent": true, "independent": true,
	"consultant": true, "assistant": true, "accountant": true, "participant": true, "applicant": true,
	"immigrant": true, "migrant": true, "entrant": true, "tenant": true, "merchant": true, "sergeant": true,
	"lieutenant": true, "servant": true, "defendant": true, "claimant": true, "employee": true, "trustee": true,
	"detainee": true, "referee": true, "appointee": true, "devotee": true, "attendee": true,
}

// sentenceWords open sentences in capitals and say nothing of a role
// (beside capStopWords and notNameStarts: "Meanwhile", "Instead").
var sentenceWords = map[string]bool{
	"yesterday": true, "today": true, "tonight": true, "tomorrow": true,
}

// opensRole reports whether token i is a title or a role word (`Sen.`,
// `House`, `actor`), not one that also names a ministry or party (`Economy
// and Labour Minister`, `Health and Social Care Secretary`).
func (d *doc) opensRole(i int) bool {
	w := strings.ToLower(d.word(i))
	if ministryWords[w] {
		return false
	}
	if _, ok := lookup(titles, w); ok {
		return true
	}
	return classOf(w)&(cRole|cRoleNoun) != 0
}

var ministryWords = map[string]bool{
	"labour": true, "conservative": true, "tory": true, "liberal": true, "democratic": true, "republican": true,
	"national": true, "security": true, "health": true, "home": true, "state": true, "defence": true,
	"defense": true, "treasury": true, "justice": true, "affairs": true, "foreign": true, "social": true,
}

// namesPerson reports whether the words [a, b) name a person the article
// names elsewhere: that person's full name, or the surname of one named in
// full before it.
func (d *doc) namesPerson(a, b int) bool {
	name, key := d.spanText(a, b), surnameKey(d.word(b-1))
	for k := range d.ments {
		m := &d.ments[k]
		if m.kind != kindPerson || m.nameA >= m.b-1 || m.a <= a && a < m.b {
			continue // (not a person named in full, or this very run)
		}
		if m.name == name || b == a+1 && m.surname == key && m.a < a {
			return true
		}
	}
	return false
}

// isOffice reports whether token i names an office (`Secretary`,
// `Chief`), not a modifier of one (`Former`).
func (d *doc) isOffice(i int) bool {
	w := d.word(i)
	if roleModifiers[strings.ToLower(w)] {
		return false
	}
	if t, ok := lookup(titles, w); ok {
		return t.roleTitle
	}
	return classOf(w)&(cRoleNoun|cRole) != 0
}

// isNameWord reports whether token i is a capitalised word that is no
// title, role or body.
func (d *doc) isNameWord(i int) bool {
	w := d.word(i)
	return d.toks[i].kind == tWord && isCapitalised(w) && classOf(w)&(cTitle|cRole|cRoleNoun|cOrg) == 0
}

// roleStart returns where the role [a, b) really starts: at its first
// capitalised word when lower-case words before that are no part of a
// role (`impress Lions coach`, `action against Chelsea boss`, `attack Tory
// leader`), or at a modifier among them (`shows former Home Office
// Minister`); else at a (`shadow home secretary`, `acting Wales coach`).
func (d *doc) roleStart(a, b int) int {
	c := a
	for c < b && !isCapitalised(d.word(c)) {
		c++
	}
	if c == b {
		return a
	}
	modifier := -1
	clean := true
	for i := a; i < c; i++ {
		w := d.word(i)
		switch {
		case roleModifiers[strings.ToLower(w)]:
			if modifier < 0 {
				modifier = i
			}
		case classOf(w)&(cRoleNoun|cRole|cTitle) == 0 && !inSet(npGlue, w):
			clean = false
		}
	}
	switch {
	case clean:
		return a
	case modifier >= 0:
		return modifier
	}
	return c
}

// roleWord reports whether token a can be a role by itself (`Chancellor`,
// `accountant`, `DJ`, `Oxfam's`): not a word that opens the sentence
// before the name (`Neither Mr Howard nor`, `Analysing the figures Mr
// Brown`, `Observes Mr Hadi`), a particle or a stray letter.
func (d *doc) roleWord(a int) bool {
	w := d.word(a)
	lw := strings.ToLower(w)
	switch {
	case classOf(w)&(cRoleNoun|cRole|cTitle) != 0:
		return true
	case inSet(clauseWords, lw) || inSet(capStopWords, w) || isNameParticle(lw):
		return false
	case len(lw) <= 2 && !isCapitalised(w):
		return false
	case len(lw) > 5 && (strings.HasSuffix(lw, "ing") || strings.HasSuffix(lw, "ed")):
		return false
	case len(lw) > 5 && isCapitalised(w) && strings.HasSuffix(lw, "es") && !strings.HasSuffix(lw, "'s"):
		return false // `Observes Mr Hadi`, `Notes Ms Roe`
	case !isCapitalised(w) && strings.HasSuffix(lw, "s") && !strings.HasSuffix(lw, "ss"):
		return false // `answering questions Connors said`: no one is a plural
	case lw == "neither" || lw == "either" || lw == "both":
		return false
	}
	return true
}

// joinRole joins two parts of a role.
func joinRole(a, b string) string {
	switch {
	case a == "":
		return b
	case b == "":
		return a
	}
	return a + " " + b
}

// roleNouns head a lower-case role before a name or in an appositive.
var roleNouns = map[string]bool{
	"leader": true, "spokesman": true, "spokeswoman": true, "spokesperson": true, "president": true, "minister": true,
	"chairman": true, "chairwoman": true, "secretary": true, "director": true, "official": true, "chief": true, "head": true,
	"founder": true, "executive": true, "governor": true, "senator": true, "candidate": true, "envoy": true, "ambassador": true,
	"mediator": true, "cleric": true, "professor": true, "analyst": true, "lawyer": true, "attorney": true, "adviser": true,
	"advisor": true, "member": true, "manager": true, "coach": true, "captain": true, "mayor": true, "economist": true,
	"author": true, "nominee": true, "rival": true, "aide": true, "strategist": true, "pollster": true, "commissioner": true,
	"chancellor": true, "officer": true, "general": true, "judge": true, "host": true, "correspondent": true, "editor": true,
	"congressman": true, "congresswoman": true, "representative": true, "mogul": true, "businessman": true, "actor": true,
	"singer": true, "star": true, "boss": true, "striker": true, "player": true, "researcher": true, "scientist": true,
	"expert": true, "campaigner": true, "activist": true, "chair": true, "speaker": true, "hopeful": true, "frontrunner": true,
	"front-runner": true, "contender": true, "rep.": true, "sen.": true, "gov.": true, "ceo": true, "mp": true,
	"actress": true, "comedian": true, "broadcaster": true, "presenter": true, "novelist": true, "writer": true,
	"film-maker": true, "filmmaker": true, "producer": true, "musician": true, "designer": true, "artist": true,
	"photographer": true, "journalist": true, "reporter": true, "commentator": true, "historian": true, "pundit": true,
	"scrum-half": true, "fly-half": true, "winger": true, "midfielder": true, "defender": true, "goalkeeper": true,
	"batsman": true, "bowler": true, "jockey": true, "trainer": true, "champion": true, "wife": true, "husband": true,
	"widow": true,
}

// lowerRoleBefore returns the lower-case role words just before token i
// ("the former Maryland governor", "international Syria mediator").
func (d *doc) lowerRoleBefore(i, ts int) string {
	j := i - 1
	if j < ts || d.toks[j].kind != tWord || !inSet(roleNouns, d.word(j)) || isCapitalised(d.word(j)) {
		return ""
	}
	k := j
	for k > ts && j-k < 4 && d.toks[k-1].kind == tWord {
		w := d.word(k - 1)
		if inSet(clauseWords, w) || inSet(npGlue, w) || inSet(capStopWords, w) || inSet(auxWords, w) || inSet(prepositions, w) || isPastVerb(w) && !roleAdjectives[strings.ToLower(w)] {
			break // (`ordered captain Steven Gerrard`: the verb is not the role's)
		}
		if _, isCue := lookup(cueLemmas, w); isCue {
			break
		}
		k--
	}
	return d.spanText(d.roleStart(k, j+1), j+1)
}

// qualifiesRole reports whether a lower-case role and a name follow token
// j-1: the capitalised words before them are the role's body or place. A
// role of someone's own staff (`Tony Blair spokesman Tom Kelly`,
// `Gordon Brown aide Ed Balls`) leaves the person a person.
func (d *doc) qualifiesRole(j, te int) bool {
	return j+1 < te && d.toks[j].kind == tWord && d.toks[j+1].kind == tWord && !isCapitalised(d.word(j)) &&
		inSet(roleNouns, d.word(j)) && !inSet(staffRoles, d.word(j)) && isCapitalised(d.word(j+1))
}

// staffRoles serve a person as much as a body.
var staffRoles = map[string]bool{
	"spokesman": true, "spokeswoman": true, "spokesperson": true, "aide": true, "adviser": true, "advisor": true,
	"lawyer": true, "attorney": true, "rival": true, "strategist": true, "pollster": true,
}

// appositive returns the role in ", the UN envoy," after a name ending at
// token j, or "".
func (d *doc) appositive(j, te int) string {
	if j+2 >= te || !d.isPunct(j, ',') || d.toks[j+1].kind != tWord {
		return ""
	}
	k := j + 1
	for k < te && k-j < 14 && d.toks[k].kind == tWord {
		k++
	}
	if k >= te || k == j+1 || d.toks[k].kind != tPunct || !d.isPunctAny(k, ",.;") {
		return ""
	}
	first := d.word(j + 1)
	det := strings.EqualFold(first, "the") || strings.EqualFold(first, "a") || strings.EqualFold(first, "an")
	hasRole := false
	for i := j + 1; i < k; i++ {
		w := d.word(i)
		if i > j+1 && d.toks[i].flags&fCue != 0 {
			return ""
		}
		if i > j+1 && (w == "who" || w == "whose" || w == "whom" || w == "which" || w == "that" || w == "where") {
			k = i // `the biologist whose survey ...`: the role ends at the clause
			break
		}
		if !det && !hasRole && classOf(w)&cRoleNoun != 0 {
			hasRole = true
		}
	}
	if !(det || hasRole) {
		return ""
	}
	return d.spanText(j+1, k)
}

// clauseRole reports whether an aside taken for a role is a clause or a
// participle instead (`who was instrumental in returning Mr Livingstone`,
// `having completed his photo op`, `citing data from ...`): the person's
// role is then looked for elsewhere. A participle that describes a role is
// part of it (`managing director of Acme`, `acting chief executive`).
func clauseRole(role string) bool {
	first, rest, _ := strings.Cut(role, " ")
	if lf := strings.ToLower(first); clauseOpeners[lf] || lf == "speaking" || lf == "having" {
		return true
	}
	if first == "" || isCapitalised(first) || !strings.HasSuffix(first, "ing") && !isPastVerb(first) || roleAdjectives[first] {
		return false
	}
	second, _, _ := strings.Cut(rest, " ")
	return classOf(second)&(cRoleNoun|cRole|cTitle) == 0
}

// cleanRole is the role a quote keeps: what was taken for one up to a
// relative clause (`a Republican who has refused to endorse Mr. Trump`:
// "a Republican"), and nothing when it says where, when or how the speaker
// spoke, or is a clause: it opens with a preposition of place or time (`in
// Kentucky`, `in a brief interview on Saturday`, `as a presidential
// candidate`; not "from" or "at", which give where someone works) or holds
// a finite verb (`Rubio's days in public office are over`).
func cleanRole(role string) string {
	if role == "" {
		return ""
	}
	for _, rel := range []string{" who ", " whose ", " which ", " that "} {
		i := strings.Index(role, rel)
		if i <= 0 {
			continue
		}
		if next, _, _ := strings.Cut(role[i+len(rel):], " "); rel == " that " && !finiteVerbs[next] {
			continue // `pinned down to that date`: a determiner
		}
		role = strings.TrimRight(role[:i], " ,")
		if j := strings.LastIndexByte(role, ' '); j > 0 && inSet(prepositions, role[j+1:]) {
			role = role[:j] // `a group through which ...`
		}
	}
	first, _, _ := strings.Cut(role, " ")
	switch strings.ToLower(first) {
	case "in", "on", "during", "as", "with", "without", "since", "until", "after", "before", "while":
		return ""
	}
	for _, w := range strings.Fields(role) {
		if finiteVerbs[w] {
			return ""
		}
	}
	return role
}

// finiteVerbs make what holds them a clause, not a role.
var finiteVerbs = map[string]bool{
	"is": true, "are": true, "was": true, "were": true, "has": true, "have": true, "had": true, "will": true, "would": true,
}

// roleAdjectives are participles that describe a role (`embattled chief
// executive`, `retired headteacher`), not verbs of the sentence.
var roleAdjectives = map[string]bool{
	"acting": true, "managing": true, "outgoing": true, "incoming": true, "founding": true, "leading": true,
	"visiting": true, "reigning": true, "presiding": true, "ruling": true, "serving": true, "retiring": true,
	"retired": true, "elected": true, "appointed": true, "disgraced": true, "jailed": true, "embattled": true,
	"celebrated": true, "acclaimed": true, "renowned": true, "respected": true, "unelected": true, "designated": true,
}

// placeBeforeName reports whether the capitalised words [a, n) before a
// name are where it was said, after a preposition, and no role: `with
// Tanzania Mr Brown`, `In Harrogate Mr Kennedy` (not `to Foreign Secretary
// Jack Straw`).
func (d *doc) placeBeforeName(a, n int) bool {
	if a == 0 || d.toks[a-1].kind != tWord {
		return false
	}
	if !isPlacePreposition(d.word(a - 1)) {
		return false
	}
	for i := a; i < n; i++ {
		if classOf(d.word(i))&(cRoleNoun|cRole|cOrg) != 0 {
			return false
		}
		if t, ok := lookup(titles, d.word(i)); ok && t.roleTitle {
			return false // `from Councillor Jane Smith`
		}
	}
	return true
}
