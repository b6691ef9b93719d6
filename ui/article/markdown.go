package article

import (
	"fmt"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"

	"byline/data"
	"byline/data/termtext"
	"byline/feed/fetch"
	"byline/ui/common"
)

// Marks put into the Markdown around each attributed quote, found again in
// the rendered text to learn which lines a quote covers, then removed. They
// are invisible zero-width format characters that every width function
// agrees on (private-use characters made Glamour wrap lines early); escape
// removes them from article text, so only ours remain.
const (
	quoteStartMark = "\u2060"
	quoteEndMark   = "\u2061"
)

// Markdown turns an article into Markdown for Glamour: a title, a line of
// place, source, author and date, then the paragraphs of the body with every
// attributed quote in bold followed by "— Speaker (role)". All article text
// is cleaned of terminal control (termtext.Clean) and escaped, so nothing in
// an article is read as Markdown. The links a fetched article lists after
// its text (fetch.SplitLinks) end it as a numbered list. marked lists, in
// order, the index in a.Quotes of each quote that got marks.
func Markdown(a data.Article) (md string, marked []int) { return markdown(a, 0) }

// markdown is Markdown for a wrap width (0: no limit), to which the
// article's link is cut.
func markdown(a data.Article, width int) (md string, marked []int) {
	var links []fetch.Link
	a.Body, links = fetch.SplitLinks(a.Body)
	var b strings.Builder
	title := common.Line(a.Title)
	if title == "" {
		title = "(untitled)"
	}
	b.WriteString("# " + escape(title) + "\n\n")
	for _, l := range metaLines(a, width) {
		b.WriteString("*" + escape(l) + "*\n\n")
	}

	quotes := usableQuotes(a)
	body := a.Body
	next := 0        // next quote in quotes
	open := -1       // index of the quote being written, across paragraphs
	marked0 := false // the open quote's start mark is written
	for start := 0; start <= len(body); {
		end := strings.Index(body[start:], "\n\n")
		if end < 0 {
			end = len(body)
		} else {
			end += start
		}
		var p strings.Builder
		pos := start
		for pos < end {
			switch {
			case open >= 0:
				q := a.Quotes[open]
				stop := min(q.Content.End, end)
				mark := ""
				if !marked0 {
					mark, marked0 = quoteStartMark, true
				}
				p.WriteString(bold(body[pos:stop], mark))
				pos = stop
				if stop == q.Content.End {
					// The speaker goes after the punctuation and quote
					// marks that close the quote.
					closed := closingPunctuation(body, stop, end)
					p.WriteString(escape(body[stop:closed]) + attribution(q))
					pos = closed
					open = -1
				}
			case next < len(quotes) && a.Quotes[quotes[next]].Content.Start < end:
				i := quotes[next]
				q := a.Quotes[i]
				p.WriteString(escape(termtext.Clean(body[pos:q.Content.Start])))
				marked = append(marked, i)
				next++
				open, marked0 = i, false
				pos = q.Content.Start
			default:
				p.WriteString(escape(termtext.Clean(body[pos:end])))
				pos = end
			}
		}
		if para := strings.TrimSpace(p.String()); para != "" {
			b.WriteString(para + "\n\n")
		}
		if end >= len(body) {
			break
		}
		start = end + 2
	}
	if open >= 0 {
		b.WriteString(attribution(a.Quotes[open]) + "\n\n")
	}
	writeLinks(&b, links)
	return b.String(), marked
}

// metaLines are the lines under the title: place, source, author and
// date, then the article's link (journalists cite it), on the same line
// when it fits there, else on its own; cut to the width, never wrapped
// (a wrapped address cannot be copied).
func metaLines(a data.Article, width int) []string {
	meta := common.JoinNonEmpty(" · ", common.Line(a.Place), common.Line(a.Source), common.Line(a.Author), common.Date(a.Published))
	link := common.Line(a.URL)
	switch {
	case link == "":
		if meta == "" {
			return nil
		}
		return []string{meta}
	case width <= 0:
		return []string{common.JoinNonEmpty(" · ", meta, link)}
	}
	// Glamour's margin, and the emphasis marks that the notty style shows
	room := width - 4
	if meta == "" {
		return []string{common.Truncate(link, room)}
	}
	const minLink = 30 // cells: less would show the site and little else
	if rest := room - ansi.StringWidth(meta) - 3; rest >= min(minLink, ansi.StringWidth(link)) {
		return []string{meta + " · " + common.Truncate(link, rest)}
	}
	return []string{meta, common.Truncate(link, room)}
}

// writeLinks lists links, numbered as in the text's [n] references: the
// label, then the address.
func writeLinks(b *strings.Builder, links []fetch.Link) {
	if len(links) == 0 {
		return
	}
	b.WriteString("**Links**\n\n")
	for i, l := range links {
		label := common.Line(l.Label)
		if l.Image {
			label = strings.TrimSpace("image " + label)
		}
		item := escape(common.Line(l.URL))
		if label != "" {
			item = escape(label) + " — " + item
		}
		fmt.Fprintf(b, "%d. %s\n", i+1, item)
	}
}

// Marks that may close a quotation right after its text: English, French,
// German („…“), Danish (»…«), their single forms and CJK corner brackets,
// with the punctuation set inside or just outside them.
const closers = `,.;:!?"'”’“‘»«›‹」』`

// closingPunctuation returns where the punctuation and quote marks right
// after a quote end (at most a few of them, within the paragraph). French
// sets a space (often a no-break one) before » and before ?!;: inside it:
// « ... ouverte », « Vraiment ? »; those spaces are taken too, so that the
// label goes after the », as it goes after the ” of an English quote.
func closingPunctuation(body string, from, end int) int {
	i := from
	for n := 0; n < 3 && i < end; n++ {
		r, size := utf8.DecodeRuneInString(body[i:])
		if !strings.ContainsRune(closers, r) {
			j := afterSpaces(body, i, end)
			if j == i || !guillemetFollows(body, j, end) {
				break
			}
			_, size = utf8.DecodeRuneInString(body[j:])
			i = j
		}
		i += size
	}
	return i
}

// guillemetFollows reports whether body at i, within end, is a closing
// guillemet, or French ?!;: (and spaces) before one.
func guillemetFollows(body string, i, end int) bool {
	if i >= end {
		return false
	}
	r, size := utf8.DecodeRuneInString(body[i:])
	if strings.ContainsRune("?!;:", r) {
		i = afterSpaces(body, i+size, end)
		if i >= end {
			return false
		}
		r, _ = utf8.DecodeRuneInString(body[i:])
	}
	return r == '»' || r == '›'
}

// afterSpaces skips the spaces of one line (no-break and thin ones too) from
// i, within end.
func afterSpaces(body string, i, end int) int {
	for i < end {
		r, size := utf8.DecodeRuneInString(body[i:])
		if r == '\n' || !unicode.IsSpace(r) && r != '\u202f' && r != '\u2009' {
			break
		}
		i += size
	}
	return i
}

// usableQuotes returns the indexes of the quotes whose spans lie in the
// body, in text order, without overlaps.
func usableQuotes(a data.Article) []int {
	var idx []int
	for i, q := range a.Quotes {
		c := q.Content
		if c.Valid() && c.End > c.Start && c.End <= len(a.Body) {
			idx = append(idx, i)
		}
	}
	sort.SliceStable(idx, func(x, y int) bool { return a.Quotes[idx[x]].Content.Start < a.Quotes[idx[y]].Content.Start })
	kept := idx[:0]
	end := 0
	for _, i := range idx {
		if a.Quotes[i].Content.Start >= end {
			kept = append(kept, i)
			end = a.Quotes[i].Content.End
		}
	}
	return kept
}

// bold emphasises a piece of a quote, mark first; the spaces around it
// stay outside the asterisks, where CommonMark needs them.
func bold(s, mark string) string {
	s = termtext.Clean(s)
	trimmed := strings.TrimSpace(s)
	if trimmed == "" {
		return s + mark
	}
	lead := s[:strings.Index(s, trimmed)]
	trail := s[len(lead)+len(trimmed):]
	return lead + "**" + mark + escape(trimmed) + "**" + trail
}

// attribution is the small marker after a quote: " — Speaker (role)", with
// the end mark inside the emphasis, where CommonMark still closes it. A
// quote whose text names its speaker just after it (`," said Jeffrey
// Feltman`) gets none: the reader would read the name twice.
func attribution(q data.Quote) string {
	who := common.Line(q.Speaker)
	if who == "" {
		who = common.Line(q.Source)
	}
	if who == "" || namedJustAfter(q) {
		return quoteEndMark
	}
	if role := common.Line(q.Role); role != "" && !restates(role, who) {
		who += " (" + role + ")"
	}
	return " — *" + escape(who) + quoteEndMark + "*"
}

// restates reports whether a role says nothing the label does not already
// say: a quote with no speaker is labelled by its source, often the role
// itself ("The mayor"), which is not worth saying twice.
func restates(role, who string) bool {
	words := func(s string) []string {
		return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	}
	inWho := map[string]bool{}
	for _, w := range words(who) {
		inWho[w] = true
	}
	for _, w := range words(role) {
		if !inWho[w] && w != "the" && w != "a" && w != "an" {
			return false
		}
	}
	return true
}

// namedJustAfter reports whether the text names the quote's speaker in full
// (or, with no speaker, gives its source) within a few words after the
// quote. "Mr Lee said" keeps the label that says which Lee.
func namedJustAfter(q data.Quote) bool {
	const near = 40 // bytes: closing marks, a cue, a title
	if q.SourceSpan.Start < q.Content.End || q.SourceSpan.Start-q.Content.End > near || q.Source == "" {
		return false
	}
	if q.Speaker == "" {
		return true // the source as written is all the label would say
	}
	// (names folded as speaker search folds them: "Ma" is no part of
	// "chairman", "Lee's" is Lee)
	inSource := map[string]bool{}
	for _, w := range strings.Fields(data.FoldName(q.Source)) {
		inSource[strings.TrimSuffix(w, "'s")] = true
	}
	for _, w := range strings.Fields(data.FoldName(q.Speaker)) {
		if !inSource[w] {
			return false
		}
	}
	return true
}

// escape backslash-escapes the characters Markdown gives meaning to, and
// strips indentation that would start a code block.
func escape(s string) string {
	s = strings.ReplaceAll(strings.ReplaceAll(s, quoteStartMark, ""), quoteEndMark, "")
	var b strings.Builder
	b.Grow(len(s) + len(s)/8)
	lineStart := false // a paragraph's start is trimmed by the caller
	for i := 0; i < len(s); i++ {
		c := s[i]
		if lineStart && (c == ' ' || c == '\t') {
			continue
		}
		lineStart = c == '\n'
		switch c {
		// Glamour prints the backslash of these escapes: entities instead.
		// (":" would otherwise start autolinks, "&" entities.)
		case '&':
			b.WriteString("&amp;")
			continue
		case '~':
			b.WriteString("&#126;")
			continue
		case '=':
			b.WriteString("&#61;")
			continue
		case ':':
			b.WriteString("&#58;")
			continue
		}
		if strings.IndexByte("\\`*_{}[]()<>#+-.!|", c) >= 0 {
			b.WriteByte('\\')
		}
		b.WriteByte(c)
	}
	return b.String()
}
