package quote

import (
	"strings"
	"unicode"
)

// speakerForm is one distinct folded name among those given to MergeSpeakers.
type speakerForm struct {
	key      string       // Fold without a leading "the"
	words    []string     // key split into words
	display  string       // the fullest original spelling
	acronym  bool         // written in capitals: UN, NATO, U.S.
	articles int          // the articles that name the speaker so
	runIn    *speakerForm // the name this one is with a word run into its front
}

// MergeSpeakers maps each speaker name (canonical names from many articles)
// to the canonical name across the archive; articles[i], when given, is the
// number of articles that name names[i] (nil counts each name once). A
// shorter form joins the unique fullest name containing it ("Blair" and
// "Tony Blair", "Hillary Clinton" and "Hillary Rodham Clinton"), an acronym
// the unique name with those initials ("UN" and "United Nations"), and
// spellings that fold alike ("the United Nations", "United Nations") one
// another. Ambiguous names ("Clinton" with both "Bill Clinton" and "Hillary
// Clinton") and names that merge with nothing map to themselves.
//
// A name that is another full name with one word in front, found in one or
// two articles and the name in four times as many ("Vermonter Bernie
// Sanders" in one, "Bernie Sanders" in 87), is that name with a word run
// into it: it joins the name, and is no fuller form of it. (Two real people
// are each in more articles: "John Paul Jones" beside "Paul Jones".) A
// merged speaker is called by its fullest name, unless one of its names of
// two words or more is in twice as many articles ("Hillary Clinton" beside
// "Hillary Rodham Clinton"): a margin, so that the name shown, and the
// speaker's id with it, change only when one name is used twice as much,
// not each time two counts pass each other.
func MergeSpeakers(names []string, articles []int) map[string]string {
	out := make(map[string]string, len(names))
	forms := map[string]*speakerForm{}
	var order []*speakerForm
	formOf := make([]*speakerForm, len(names))
	for i, n := range names {
		key := stripThe(Fold(n))
		if key == "" {
			continue
		}
		f := forms[key]
		if f == nil {
			f = &speakerForm{key: key, words: strings.Fields(key), display: displayName(n)}
			forms[key] = f
			order = append(order, f)
		} else if betterDisplay(displayName(n), f.display) {
			f.display = displayName(n)
		}
		if isAcronymName(n) {
			f.acronym = true
		}
		if i < len(articles) {
			f.articles += articles[i]
		} else {
			f.articles++
		}
		formOf[i] = f
	}
	for _, f := range order {
		if len(f.words) >= 3 {
			if g := forms[strings.Join(f.words[1:], " ")]; g != nil && f.articles <= 2 && 4*f.articles <= g.articles {
				f.runIn = g
			}
		}
	}
	// index the forms by last word and by initials
	byLast := map[string][]*speakerForm{}
	byInitials := map[string][]*speakerForm{}
	for _, f := range order {
		if f.runIn != nil {
			continue // nobody's fuller form
		}
		last := f.words[len(f.words)-1]
		byLast[last] = append(byLast[last], f)
		if len(f.words) >= 2 {
			byInitials[initialsOf(f.words)] = append(byInitials[initialsOf(f.words)], f)
		}
	}
	target := map[*speakerForm]*speakerForm{}
	for _, f := range order {
		if f.runIn != nil {
			continue
		}
		var cands []*speakerForm
		for _, g := range byLast[f.words[len(f.words)-1]] {
			if len(g.words) > len(f.words) && isSubsequence(f.words, g.words) {
				cands = append(cands, g)
			}
		}
		if f.acronym && len(f.words) == 1 {
			cands = append(cands, byInitials[f.key]...)
		}
		if best := fullest(cands); best != nil {
			target[f] = best
		}
	}
	final := func(f *speakerForm) *speakerForm {
		for f.runIn != nil {
			f = f.runIn // ("A B C D" in "B C D" in "C D")
		}
		if t := target[f]; t != nil {
			return t
		}
		return f
	}
	// each merged speaker's most used name, then the name it is called by
	top := map[*speakerForm]*speakerForm{}
	for _, f := range order {
		if f.runIn != nil {
			continue
		}
		t := final(f)
		if c := top[t]; c == nil || moreUsed(f, c) {
			top[t] = f
		}
	}
	called := func(t *speakerForm) *speakerForm {
		u := top[t]
		if u == nil || len(t.words) >= 2 && 2*t.articles > u.articles {
			return t
		}
		return u
	}
	for i, n := range names {
		if f := formOf[i]; f != nil {
			out[n] = called(final(f)).display
		} else {
			out[n] = n
		}
	}
	return out
}

// moreUsed reports whether form f is a better name for its speaker than c
// by use: a name of two words or more before a single word, then the one
// more articles use, then the fuller one.
func moreUsed(f, c *speakerForm) bool {
	if fm, cm := len(f.words) >= 2, len(c.words) >= 2; fm != cm {
		return fm
	}
	if f.articles != c.articles {
		return f.articles > c.articles
	}
	return len(f.words) > len(c.words)
}

// fullest returns the one candidate not contained in another, or nil when
// there are none or several (ambiguous).
func fullest(cands []*speakerForm) *speakerForm {
	var best *speakerForm
	for _, c := range cands {
		contained := false
		for _, o := range cands {
			if o != c && len(o.words) > len(c.words) && isSubsequence(c.words, o.words) {
				contained = true
				break
			}
		}
		if contained {
			continue
		}
		if best != nil && best != c {
			return nil
		}
		best = c
	}
	return best
}

// isSubsequence reports whether short's words appear in long in order.
func isSubsequence(short, long []string) bool {
	j := 0
	for _, w := range long {
		if j < len(short) && short[j] == w {
			j++
		}
	}
	return j == len(short)
}

func initialsOf(words []string) string {
	var b strings.Builder
	for _, w := range words {
		switch w {
		case "of", "the", "and", "for", "de":
			continue
		}
		b.WriteByte(w[0])
	}
	return b.String()
}

func stripThe(key string) string {
	if strings.HasPrefix(key, "the ") {
		return key[4:]
	}
	return key
}

// displayName trims spaces and a leading "the" from a name as written.
func displayName(n string) string {
	n = strings.Join(strings.Fields(n), " ")
	if len(n) > 4 && strings.EqualFold(n[:4], "the ") {
		n = n[4:]
	}
	return n
}

// betterDisplay prefers the spelling with more capitals and accents kept
// (longer in bytes), then the first seen.
func betterDisplay(a, b string) bool {
	if isAcronymName(a) != isAcronymName(b) {
		return !isAcronymName(a)
	}
	return len(a) > len(b)
}

// isAcronymName: a single word in capitals (dots allowed), "the" aside.
func isAcronymName(n string) bool {
	n = displayName(n)
	if strings.ContainsRune(n, ' ') {
		return false
	}
	letters := 0
	for _, r := range n {
		switch {
		case unicode.IsUpper(r):
			letters++
		case r == '.' || r == '&':
		default:
			return false
		}
	}
	return letters >= 2
}
