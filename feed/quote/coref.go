package quote

import (
	"strings"
)

// entKind says what a name names.
type entKind uint8

const (
	kindUnknown entKind = iota // a single capitalised word (Trump, Syria)
	kindPerson
	kindOrg
)

// mention is a capitalised name found outside quotations.
type mention struct {
	a, b      int    // token range of the whole run, titles and roles included
	nameA     int    // first token of the name proper
	name      string // the name without titles or roles ("Jeffrey Feltman", "United Nations")
	surname   string // folded last word of a person's name
	kind      entKind
	gender    byte // 'm', 'f' or 0
	role      string
	unit      int
	possessed bool // "Mr Assad's"
	runIn     bool // a word before the name ran into it (dropRunInWords): no role
	canon     int  // index of the canonical mention (the fullest form)
	words     int  // number of words in name
	learnt    byte // on a canonical mention: the gender learnt from a pronoun
	spoke     bool // on a canonical mention: it is the source of a cue
	titled    bool // a title comes before the name (on a canonical mention: before any of its forms)
	linked    bool // on a canonical mention: another mention is a shorter form of it
	thing     int8 // on a canonical mention: 1 when a word of its name is written in lower case too, -1 not, 0 unknown yet
	source    bool // this mention names the source of a cue
}

// nameRun finds the capitalised run starting at token i of [i, te): it
// returns its end, or i when no name starts there.
func (d *doc) nameRun(i, te int) int {
	j := i
	for j < te {
		t := d.toks[j]
		if t.kind != tWord {
			break
		}
		w := d.word(j)
		switch {
		case isCapitalised(w):
			if c := classOf(w); (c&cCapStop != 0 && !d.paperDay(j, te)) || j == i && c&cNotStart != 0 {
				return j
			}
			j++
			if _, poss := stripPossessive(w); poss && j < te && d.toks[j].kind == tWord && isCapitalised(d.word(j)) {
				// `the Post's Dana Milbank`: the owner's name ends at
				// its possessive, the next name starts after it
				return j
			}
			continue
		case j > i && isNameParticle(w) && j+1 <= te:
			j++
			continue
		case j > i && (w == "of" || w == "for" || w == "and" || w == "on") && j+1 < te && d.toks[j+1].kind == tWord && isCapitalised(d.word(j+1)) && (!inSet(capStopWords, d.word(j+1)) || d.paperDay(j+1, te)):
			j++
			continue
		}
		break
	}
	// a trailing particle or glue word is not part of the name
	for j > i && !isCapitalised(d.word(j-1)) {
		j--
	}
	return j
}

// classify splits a capitalised run [a, b) into role and name and decides
// what it names.
func (d *doc) classify(a, b int) (m mention) {
	if nb := b; b-a >= 3 && !(a > 0 && (d.isWord(a-1, "the") || d.isWord(a-1, "a") || d.isWord(a-1, "an"))) {
		// (not `the Ealing North MP`: a description, no name before)
		for nb-1 > a+1 {
			w, _ := stripPossessive(d.word(nb - 1))
			if !postNominals[w] {
				break
			}
			nb--
		}
		if nb < b {
			// `Frank Field MP`: the name before, the letters its role
			m = d.classify(a, nb)
			m.b = b
			_, m.possessed = stripPossessive(d.word(b - 1))
			if m.kind == kindPerson && m.role == "" {
				post, _ := stripPossessive(d.spanText(nb, b))
				m.role = post
			}
			return m
		}
	}
	m.a, m.b = a, b
	last, poss := stripPossessive(d.word(b - 1))
	m.possessed = poss
	// the name proper: trailing words that are not titles, roles or bodies
	n := b
	for n > a {
		w := d.word(n - 1)
		if n == b {
			w = last
		}
		// a title ends the name unless it is the last word (Ada King); a
		// role before two name words too (`Boss Graeme Souness`, but `Tom
		// Judge`, `Star Jones`)
		c := classOf(w)
		if !isCapitalised(w) && !isNameParticle(w) || c&(cRole|cOrg) != 0 || c&cTitle != 0 && n != b || c&cRoleNoun != 0 && b-n >= 2 || isAcronym(w) {
			break
		}
		if b-n >= 3 {
			break
		}
		n--
	}
	if b-n == 3 && (n > a && !isCapitalised(d.word(n-1)) || n == a && a > 0 && d.toks[a-1].kind == tWord && (d.isWord(a-1, "for") || d.isWord(a-1, "of"))) {
		n++ // "envoy for Sudan Jan Berg": the first word belongs to the role
	}
	for n < b && isNameParticle(d.word(n)) {
		n++
	}
	m.nameA = n
	hasTitle := false
	for k := a; k < n; k++ {
		if ti, ok := lookup(titles, d.word(k)); ok && !capsRank(d.word(k)) {
			hasTitle = true
			m.titled = true
			if ti.gender != 0 {
				m.gender = ti.gender
			}
		}
	}
	isOrg := false
	for k := a; k < b; k++ {
		w := d.word(k)
		if k == b-1 {
			w = last
		}
		if isAcronym(w) || classOf(w)&cOrg != 0 || k > a && d.paperDay(k, b) {
			isOrg = true // (`The Independent on Sunday`: a paper)
			break
		}
	}
	nameWords := b - n
	switch {
	case nameWords >= 2 || nameWords == 1 && hasTitle:
		m.kind = kindPerson
	case isOrg:
		m.kind = kindOrg
		n = a
		if strings.EqualFold(d.word(a), "the") {
			n++
		}
		m.nameA = n
	case nameWords == 1:
		m.kind = kindUnknown
	default:
		m.kind = kindUnknown
		m.nameA = a
	}
	if m.nameA >= b {
		m.nameA = a
	}
	m.name = d.spanText(m.nameA, b)
	if l := len(m.name); l > 2 && m.name[l-1] == '.' && m.name[l-2] >= 'a' && m.name[l-2] <= 'z' {
		m.name = m.name[:l-1] // "Acme Corp."
	}
	if poss {
		m.name = strings.TrimSpace(m.name[:len(m.name)-(len(d.word(b-1))-len(last))])
	}
	if m.kind == kindPerson || m.kind == kindUnknown && n < b {
		m.surname = surnameKey(last)
		if m.nameA > a && !d.placeBeforeName(a, m.nameA) {
			m.role = d.roleText(a, m.nameA)
		}
	}
	return m
}

// surnameKey folds a surname cheaply: ASCII lower case, Fold otherwise.
func surnameKey(w string) string {
	for i := 0; i < len(w); i++ {
		if w[i] >= 0x80 || w[i] == '.' || w[i] == '\'' || w[i] == '-' {
			return Fold(w)
		}
	}
	var buf [32]byte
	if b, ok := lowerASCII(buf[:0], w); ok {
		return string(b)
	}
	return strings.ToLower(w)
}

// collectMentions finds the names of every unit, outside quotations.
func (d *doc) collectMentions() {
	for ui, u := range d.units {
		for i := u.ts; i < u.te; i++ {
			if d.toks[i].kind != tWord || !isCapitalised(d.word(i)) {
				continue
			}
			// a lower-case role just before the name belongs to it
			// ("presidential candidate Martin O'Malley")
			j := d.nameRun(i, u.te)
			if j == i {
				continue
			}
			m := d.classify(i, j)
			m.unit = ui
			if m.kind == kindPerson && d.qualifiesRole(j, u.te) {
				// `Microsoft boss Bill Gates`, `Manchester United boss
				// Alex Ferguson`: who the person works for, not a person
				m.kind = kindUnknown
			}
			if m.kind == kindPerson || m.kind == kindUnknown {
				m.role = joinRole(d.lowerRoleBefore(i, u.ts), m.role)
			}
			if role := d.appositive(j, u.te); role != "" && m.role == "" && !clauseRole(role) && !d.accordingToBefore(i, j, role) {
				m.role = role
			}
			d.ments = append(d.ments, m)
			i = j - 1
		}
	}
	d.dropRunInWords()
	d.linkMentions()
}

// accordingToBefore reports whether a sentence opens with "According to"
// (and perhaps "the") just before the name at tokens [i, j), and the aside
// after the name's comma ends its sentence: it is then what the source says
// (`According to the Sunday Telegraph, the bid failed.`), not an
// apposition giving a role (`According to Robert Walsh, head of Krome
// Studios, the game ...`, `..., according to Carly Fiorina, chief of
// Hewlett Packard.`).
func (d *doc) accordingToBefore(i, j int, aside string) bool {
	k := i - 1
	if k >= 0 && d.isWord(k, "the") {
		k--
	}
	if k < 1 || !d.isWord(k, "to") || d.word(k-1) != "According" {
		return false
	}
	e := d.toks[j+1].s + len(aside) // (the aside starts after the comma at j)
	return e >= len(d.text) || d.text[e] != ','
}

// dropRunInWords takes the first of three name words off a person's name
// when a title-case run (a headline) ran it into the name, the other two
// name somebody elsewhere in the article and the word is also written in
// lower case there: `Donald Trump Calls Out Ted Cruz` beside `Ted Cruz`
// and "out". The word would otherwise make the fullest form, the name
// every mention of the person takes; it is no role either. Where a capital
// says something, it stays: inside a sentence (`said Mark Lyall Grant`)
// and at its start (`Mark Lyall Grant said`, though the article says
// "mark"). A middle name stays too: `Hillary Rodham Clinton` beside
// `Hillary Clinton`. A pair seen only after an honorific does not count
// (`Mr Duncan Smith` is a surname, `Iain Duncan Smith` the name).
func (d *doc) dropRunInWords() {
	three := false
	for i := range d.ments {
		if m := &d.ments[i]; m.kind == kindPerson && !m.possessed && m.b-m.nameA == 3 {
			three = true
			break
		}
	}
	if !three {
		return // (most articles: no map to make)
	}
	var pairs map[string]bool
	for i := range d.ments {
		m := &d.ments[i]
		if m.kind != kindPerson || strings.Count(m.name, " ") != 1 {
			continue
		}
		if m.nameA > m.a {
			if ti, ok := lookup(titles, d.word(m.nameA-1)); ok && !ti.roleTitle {
				continue
			}
		}
		if pairs == nil {
			pairs = map[string]bool{}
		}
		pairs[m.name] = true
	}
	if pairs == nil {
		return
	}
	for i := range d.ments {
		m := &d.ments[i]
		if m.kind != kindPerson || m.possessed || m.b-m.nameA != 3 || strings.Count(m.name, " ") != 2 {
			continue
		}
		if rest := d.spanText(m.nameA+1, m.b); pairs[rest] && m.nameA > m.a && d.hasLowerWord(d.word(m.nameA)) {
			m.nameA++
			m.name = rest
			m.runIn = true
		}
	}
}

// hasLowerWord reports whether w, in lower case, is a word of the article:
// a word that is written in lower case is no given name ("year", "says",
// "comedian"), where "Debbie" of `Debbie Wasserman Schultz` is. The first
// few look-ups scan the article (most articles ask one or two); after
// them its lower-case words are gathered once, so that an article asking
// for thousands costs linear time.
func (d *doc) hasLowerWord(w string) bool {
	lw := strings.ToLower(w)
	if lw == w {
		return true
	}
	if !d.lowerReady {
		if d.lowerScans < 16 {
			d.lowerScans++
			for k := range d.toks {
				if d.toks[k].kind == tWord && d.toks[k].e-d.toks[k].s == len(lw) && d.word(k) == lw {
					return true
				}
			}
			return false
		}
		d.lowerReady = true
		if d.lowerWords == nil {
			d.lowerWords = map[string]bool{}
		}
		for k := range d.toks {
			if d.toks[k].kind == tWord {
				if x := d.word(k); !isCapitalised(x) {
					d.lowerWords[x] = true
				}
			}
		}
	}
	return d.lowerWords[lw]
}

// linkMentions points each mention at its fullest form in the article:
// "Mr Alkhatib" at the nearest "Moaz Alkhatib" (before it if any), "UN" at
// "United Nations".
func (d *doc) linkMentions() {
	// candidates for a fuller form share the surname, or have the initials
	// of an acronym: chains of mention indices, in order, by key
	li := &d.link
	li.reset(len(d.ments))
	for k := len(d.ments) - 1; k >= 0; k-- {
		o := &d.ments[k]
		o.words = strings.Count(o.name, " ") + 1
		if o.kind == kindPerson && o.words > 1 {
			// a name of one word is nobody's fuller form
			li.bySurname, li.next[k] = push(li.bySurname, o.surname, k)
			li.mostWords[o.surname] = max(li.mostWords[o.surname], o.words)
		}
		if o.kind == kindOrg && o.words > 1 {
			li.byInitials, li.nextI[k] = push(li.byInitials, initials(o.name), k)
		}
	}
	for i := range d.ments {
		m := &d.ments[i]
		m.canon = i
		best, bestWords, bestDist := -1, m.words, 1<<30
		consider := func(k int) {
			o := &d.ments[k]
			if k == i || o.words <= m.words {
				return
			}
			if o.kind == kindPerson && m.gender != 0 && o.gender != 0 && m.gender != o.gender {
				return
			}
			dist := i - k
			if dist < 0 {
				// A later full form only when none comes before. News
				// introduces a person by full name first, so a titled
				// "Mrs Jones" before "Dafydd Jones, a farmer," (a full
				// name introduced with a role) is somebody else; an
				// untitled headline "Keller" is not.
				if o.role != "" && m.gender != 0 {
					return
				}
				dist = -dist + 1000
			}
			if o.words > bestWords || o.words == bestWords && dist < bestDist {
				best, bestWords, bestDist = k, o.words, dist
			}
		}
		// (the chains hold names of two words or more, and only a chain
		// holding a fuller form is walked: an article naming someone
		// thousands of times as "Ms Lee" walks one "Ann Lee" each time;
		// thousands of "Ann Lee" and of "Lee" would still cost their
		// product)
		if m.kind != kindOrg && li.mostWords[m.surname] > m.words {
			if h, ok := li.bySurname[m.surname]; ok {
				for k := h; k >= 0; k = li.next[k] {
					consider(int(k))
				}
			}
		}
		if (m.kind == kindOrg || m.kind == kindUnknown) && m.words == 1 && isAcronym(m.name) {
			key := m.name
			if strings.IndexByte(key, '.') >= 0 {
				key = strings.ReplaceAll(key, ".", "")
			}
			if h, ok := li.byInitials[key]; ok {
				for k := h; k >= 0; k = li.nextI[k] {
					consider(int(k))
				}
			}
		}
		if best < 0 && m.titleOnly() {
			best = d.titledBefore(i)
		}
		if best >= 0 {
			m.canon = best
			d.ments[best].linked = true
			if m.kind == kindUnknown {
				m.kind = d.ments[best].kind
			}
		}
	}
	// titles and roles gathered on any form serve the whole entity
	for i := range d.ments {
		m := &d.ments[i]
		c := &d.ments[m.canon]
		if c.gender == 0 {
			c.gender = m.gender
		}
		if c.role == "" {
			c.role = m.role
		}
		c.titled = c.titled || m.titled
	}
}

// linkIndex chains mentions by surname and by initials for linkMentions;
// it is kept in the pooled doc so that its maps are reused.
type linkIndex struct {
	bySurname, byInitials map[string]int32
	next, nextI           []int32
	mostWords             map[string]int // the most words of a name in each surname chain
}

func (li *linkIndex) reset(n int) {
	if li.bySurname == nil {
		li.bySurname, li.byInitials, li.mostWords = map[string]int32{}, map[string]int32{}, map[string]int{}
	}
	clear(li.bySurname)
	clear(li.byInitials)
	clear(li.mostWords)
	li.next = grow(li.next[:0], n)[:n]
	li.nextI = grow(li.nextI[:0], n)[:n]
	for i := range li.next {
		li.next[i], li.nextI[i] = -1, -1
	}
}

// push puts k at the head of the chain of key and returns the old head.
func push(m map[string]int32, key string, k int) (map[string]int32, int32) {
	old, ok := m[key]
	if !ok {
		old = -1
	}
	m[key] = int32(k)
	return m, old
}

// titleOnly reports whether the mention is a bare title (`the President`).
func (m *mention) titleOnly() bool {
	return m.words == 1 && classOf(m.name)&cTitle != 0 && !capsRank(m.name)
}

// titledBefore returns the canonical mention of the nearest person named
// with the title of the bare-title mention i (`President Aurelio Vance`
// for a later `the President`), or -1.
func (d *doc) titledBefore(i int) int {
	m := &d.ments[i]
	for k := i - 1; k >= 0; k-- {
		o := &d.ments[k]
		if o.kind != kindPerson || o.nameA <= o.a || o.titleOnly() {
			continue
		}
		for t := o.a; t < o.nameA; t++ {
			if strings.EqualFold(d.word(t), m.name) {
				return o.canon
			}
		}
	}
	return -1
}

// initials of the capitalised words of a name: "United Nations" -> "UN".
func initials(name string) string {
	var b strings.Builder
	for _, w := range strings.Fields(name) {
		if isCapitalised(w) {
			b.WriteByte(w[0])
		}
	}
	return b.String()
}

// mentionAt returns the mention whose run contains token i, or -1.
func (d *doc) mentionAt(i int) int {
	lo, hi := 0, len(d.ments)
	for lo < hi {
		mid := (lo + hi) / 2
		if d.ments[mid].b <= i {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	if lo < len(d.ments) && d.ments[lo].a <= i {
		return lo
	}
	return -1
}
