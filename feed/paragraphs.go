package feed

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// abbreviations are words that end with a period without ending a sentence.
// A glued period after one of them ("Mr.Smith", "St.Louis", "No.1") is never
// taken for a paragraph break. Single letters (initials, "U.S.", "a.m.") and
// words with an inner period ("Ph.D", "e.g") are handled apart.
var abbreviations = map[string]bool{
	"Mr": true, "Mrs": true, "Ms": true, "Mx": true, "Dr": true, "Prof": true,
	"St": true, "Mt": true, "Ft": true, "Sr": true, "Jr": true, "Rev": true,
	"Hon": true, "Gen": true, "Gov": true, "Sen": true, "Rep": true,
	"Pres": true, "Lt": true, "Col": true, "Capt": true, "Cpt": true,
	"Sgt": true, "Cpl": true, "Maj": true, "Adm": true, "Cmdr": true,
	"Insp": true, "Det": true, "Supt": true, "Messrs": true, "Mme": true,
	"Mlle": true, "Fr": true,
	"No": true, "Nos": true, "no": true, "Vol": true, "vol": true,
	"Fig": true, "fig": true, "p": true, "pp": true, "ch": true,
	"Inc": true, "Ltd": true, "Co": true, "Corp": true, "Bros": true,
	"Plc": true, "Dept": true, "Univ": true, "Ave": true,
	"Blvd": true, "Rd": true, "Sq": true,
	"vs": true, "v": true, "etc": true, "approx": true, "ca": true, "cf": true,
	"Jan": true, "Feb": true, "Mar": true, "Apr": true, "Jun": true,
	"Jul": true, "Aug": true, "Sep": true, "Sept": true, "Oct": true,
	"Nov": true, "Dec": true,
	"Mon": true, "Tue": true, "Tues": true, "Wed": true, "Thu": true,
	"Thur": true, "Thurs": true, "Fri": true, "Sat": true,
	"Ph": true, "Op": true, "Ref": true, "Tel": true,
}

// isOpenQuote and isCloseQuote classify the curly quotes; the straight
// double quote '"' is either, decided by counting.
func isOpenQuote(r rune) bool  { return r == '“' || r == '‘' || r == '«' }
func isCloseQuote(r rune) bool { return r == '”' || r == '’' || r == '»' || r == ')' }

// RestoreParagraphs puts paragraph breaks ("\n\n") back into a body whose
// paragraphs were glued together without a space, as in
// `...on his Facebook page.Mr Alkhatib said...` or
// `...northern Syria," he said."There is...`.
//
// A break goes where a sentence end (".", "?" or "!", optionally followed by
// closing quotes or a parenthesis) is immediately followed by an uppercase
// letter or an opening quote. No break is made after an abbreviation
// ("Mr.", "St."), a single letter ("J.K.", "U.S.", "a.m."), a word with an
// inner period ("Ph.D", "U.S.Army" stays whole), or inside what looks like a
// URL, domain or e-mail address ("www.BBC.co.uk", "x@Y.com"). A straight
// quote '"' right after the sentence end closes a quotation when an odd
// number of straight quotes precede it in the paragraph, and opens one
// otherwise.
//
// It only ever inserts "\n\n": removing whitespace from the input and the
// output gives the same string.
func RestoreParagraphs(body string) string {
	var b strings.Builder
	last := 0      // bytes of body already copied to b
	straight := 0  // straight double quotes seen since the last break
	paraStart := 0 // byte offset where the current paragraph starts
	for i := 0; i < len(body); {
		r, size := utf8.DecodeRuneInString(body[i:])
		if r == '"' {
			straight++
		}
		if r == '\n' && strings.HasPrefix(body[i:], "\n\n") {
			straight = 0
			paraStart = i
		}
		if r != '.' && r != '?' && r != '!' {
			i += size
			continue
		}
		end := i + size // after the sentence end and any closers
		q := straight
		for end < len(body) {
			c, n := utf8.DecodeRuneInString(body[end:])
			if c == '"' {
				if q%2 == 0 && wordStarts(body, end+n) { // it opens the next sentence
					break
				}
				q++
			} else if !isCloseQuote(c) {
				break
			}
			end += n
		}
		if end >= len(body) {
			break
		}
		next, n := utf8.DecodeRuneInString(body[end:])
		startsSentence := unicode.IsUpper(next) ||
			(isOpenQuote(next) || next == '"' && q%2 == 0) && wordStarts(body, end+n)
		if startsSentence && i > paraStart && sentenceEnds(body, paraStart, i, end) {
			b.WriteString(body[last:end])
			b.WriteString("\n\n")
			last = end
			paraStart = end
			// quotes consumed as closers belong to the paragraph just ended
			straight = 0
			i = end
			continue
		}
		i += size
	}
	if last == 0 {
		return body
	}
	b.WriteString(body[last:])
	return b.String()
}

// wordWindow bounds how far sentenceEnds looks around a period.
const wordWindow = 64

// sentenceEnds reports whether the punctuation at body[dot] really ends a
// sentence, given that the next sentence would start at body[next].
//
// The word before starts no earlier than lo: a break inserted at lo ends
// the previous word.
func sentenceEnds(body string, lo, dot, next int) bool {
	// The word before: back to the previous whitespace.
	// Both are looked at up to wordWindow bytes, which keeps the work linear
	// on text with no spaces.
	from := max(lo, dot-wordWindow)
	for from > lo && !utf8.RuneStart(body[from]) {
		from++
	}
	ws := strings.LastIndexFunc(body[from:dot], unicode.IsSpace) + 1
	before := body[from+ws : dot]
	// The word after: up to the next whitespace.
	after := body[next:min(len(body), next+wordWindow)]
	if j := strings.IndexFunc(after, unicode.IsSpace); j >= 0 {
		after = after[:j]
	}
	if before == "" {
		return false
	}
	if strings.ContainsAny(before, "@/:\\") || strings.ContainsAny(after, "@/\\") {
		return false // e-mail, URL, path
	}
	if body[dot] != '.' {
		return true // "?" and "!" end sentences ("Yahoo!News" is rare)
	}
	if a := strings.TrimRight(after, ".,;:"); utf8.RuneCountInString(a) == 1 && a != "A" && a != "I" {
		return false // a lone letter next: "thatU.S.", "Zafi.D virus"
	}
	if hasInnerDot(after) {
		return false // "www.BBC.co.uk", "St.Louis.Mo"
	}
	if strings.Contains(before, ".") {
		return false // "U.S", "Ph.D", "e.g", "J.K", an ellipsis "..."
	}
	// The letters, digits and apostrophes that end the word: "N" in
	// "(D-N.Y.)", "don’t".
	start := strings.LastIndexFunc(before, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\'' && r != '’'
	})
	word := before
	if start >= 0 {
		_, n := utf8.DecodeRuneInString(before[start:])
		word = before[start+n:]
	}
	if word == "" && !strings.ContainsFunc(before, func(r rune) bool {
		return unicode.IsLetter(r) || unicode.IsDigit(r)
	}) {
		return false // nothing before but punctuation: "—.“"
	}
	if utf8.RuneCountInString(word) == 1 {
		r, _ := utf8.DecodeRuneInString(word)
		if unicode.IsLetter(r) {
			return false // an initial: "J.Smith", "D-N.Y."
		}
	}
	if abbreviations[word] {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(before)
	if unicode.IsDigit(last) {
		first, _ := utf8.DecodeRuneInString(after)
		if unicode.IsDigit(first) {
			return false // a decimal; cannot happen with an uppercase next, kept for clarity
		}
	}
	return true
}

// hasInnerDot reports whether s has a period followed by a letter or digit.
func hasInnerDot(s string) bool {
	for i := 0; i+1 < len(s); i++ {
		if s[i] == '.' {
			r, _ := utf8.DecodeRuneInString(s[i+1:])
			if unicode.IsLetter(r) || unicode.IsDigit(r) {
				return true
			}
		}
	}
	return false
}

// wordStarts reports whether a letter or digit is at body[i], possibly after
// more opening quotes: what follows an opening quote.
func wordStarts(body string, i int) bool {
	for i < len(body) {
		r, n := utf8.DecodeRuneInString(body[i:])
		if isOpenQuote(r) || r == '"' || r == '\'' {
			i += n
			continue
		}
		return unicode.IsLetter(r) || unicode.IsDigit(r)
	}
	return false
}
