// Package feed reads articles from files: plain text in the layouts the
// corpus uses (title, blank line, paragraphs; or a lead line then the whole
// body on one line) and JSON Lines. It decodes the bytes (UTF-8, UTF-16
// with a byte order mark, else Windows-1252 with a warning), restores
// paragraph breaks lost by gluing, splits off the dateline and computes each
// article's identity key. It never panics on bad input: problems come back
// as values naming the file (and line).
package feed

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"math"
	"path/filepath"
	"strings"
	"unicode"
	"unicode/utf8"

	"byline/data"
)

// Limits on what Parse reads.
const (
	// MaxArticleBytes is the largest text file, or JSON Lines line, Parse
	// turns into an article: 8 MiB, far beyond any news article. Bigger
	// inputs are reported as ErrTooLarge rather than parsed.
	MaxArticleBytes = 8 << 20
	// TitleMax is the length, in characters, past which a title made from a
	// lead sentence is cut at a word boundary and ended with "…".
	TitleMax = 100
)

// Errors a Problem can wrap; test them with errors.Is.
var (
	ErrEmpty    = errors.New("empty file")
	ErrBinary   = errors.New("binary file, not an article")
	ErrTooLarge = errors.New("too large")
	ErrCP1252   = errors.New("not valid UTF-8, read as Windows-1252")
	ErrNoText   = errors.New("no title or body")
)

// FieldError is a JSON field of the wrong type.
type FieldError struct {
	Field string // the JSON key
	Want  string // "a string"
	Got   string // "number", "object", ...
}

func (e *FieldError) Error() string {
	return fmt.Sprintf("field %q: want %s, got %s", e.Field, e.Want, e.Got)
}

// Problem is something wrong with one file or one line of it. Warnings
// (Warning true) leave the article readable; errors mean the file or line
// gave no article.
type Problem struct {
	File    string
	Line    int // 1-based; 0 when not about one line
	Err     error
	Warning bool
}

// Error formats the problem as "file: message" or "file:line: message".
func (p Problem) Error() string {
	msg := "unknown problem"
	if p.Err != nil {
		msg = p.Err.Error()
		// (an OS error names the file again: "x: stat x: no such file")
		var pe *fs.PathError
		if errors.As(p.Err, &pe) && pe.Path == p.File {
			msg = pe.Err.Error()
		}
	}
	if p.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", p.File, p.Line, msg)
	}
	return p.File + ": " + msg
}

// Unwrap returns the underlying error, for errors.Is and errors.As.
func (p Problem) Unwrap() error { return p.Err }

// IsJSONLines reports whether name is read as JSON Lines (.jsonl, .ndjson).
func IsJSONLines(name string) bool {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".jsonl", ".ndjson":
		return true
	}
	return false
}

// Parse reads one file's bytes and returns its articles. name is the path
// shown in messages and put in Origin; its extension chooses the format:
// .jsonl and .ndjson are JSON Lines, anything else is text. For JSON Lines a
// bad line is reported and the other lines are still read. Parse does not
// fill Quotes, ID or Added. It never panics.
func Parse(name string, raw []byte) (arts []data.Article, probs []Problem) {
	ParseChunks(name, raw, math.MaxInt, func(a []data.Article, p []Problem) bool {
		arts, probs = append(arts, a...), append(probs, p...)
		return true
	})
	return arts, probs
}

// ParseChunks is Parse handing the articles to emit at most chunk at a time,
// each chunk with the problems met on the way to it, in file order; it
// stops when emit returns false. A JSON Lines file of many articles is so
// never held as articles whole.
func ParseChunks(name string, raw []byte, chunk int, emit func([]data.Article, []Problem) bool) {
	if IsJSONLines(name) {
		parseGuarded(name, emit, func(emit func([]data.Article, []Problem) bool) {
			readJSONLines(name, bytes.NewReader(raw), chunk, emit)
		})
		return
	}
	parseGuarded(name, emit, func(emit func([]data.Article, []Problem) bool) {
		a, probs := parseText(name, raw)
		if a == nil {
			emit(nil, probs)
			return
		}
		emit([]data.Article{*a}, probs)
	})
}

// parseGuarded runs parse, which hands its chunks to emit, and turns a
// panic in it into a Problem naming the file: belt and braces, a bug must
// cost the rest of one file, not the whole import.
func parseGuarded(name string, emit func([]data.Article, []Problem) bool, parse func(func([]data.Article, []Problem) bool)) {
	stopped := false
	defer func() {
		if r := recover(); r != nil && !stopped {
			emit(nil, []Problem{{File: name, Err: fmt.Errorf("internal error: %v", r)}})
		}
	}()
	parse(func(a []data.Article, p []Problem) bool {
		stopped = !emit(a, p)
		return !stopped
	})
}

// parseText reads a text file holding one article.
func parseText(name string, raw []byte) (*data.Article, []Problem) {
	fail := func(err error) (*data.Article, []Problem) {
		return nil, []Problem{{File: name, Err: err}}
	}
	if len(raw) > MaxArticleBytes {
		return fail(fmt.Errorf("%w: %s, the limit for one article is %s", ErrTooLarge, size(len(raw)), size(MaxArticleBytes)))
	}
	if isBinary(raw) {
		return fail(ErrBinary)
	}
	text, cp := Decode(raw)
	if strings.TrimSpace(text) == "" {
		return fail(ErrEmpty)
	}
	var probs []Problem
	if cp {
		probs = append(probs, Problem{File: name, Err: ErrCP1252, Warning: true})
	}
	title, paras, lead := textLayout(text)
	a := newArticle(title, paras, lead)
	a.Raw = raw
	a.Origin = name
	a.Key = fileKey(*a, name)
	return a, probs
}

// textLayout splits a text into its title and body paragraphs.
//
// The header is the run of non-blank lines at the top. Layouts:
//
//   - lead layout: the second line repeats the first (the body starts with
//     the lead), or the file is just a header of two or more lines (a lead,
//     then paragraphs one per line). The first line is the lead; the body is
//     the other lines, one paragraph each, with the lead put first when
//     the body does not repeat it and it reads as a sentence.
//   - title layout: a header, a blank line, paragraphs separated by blank
//     lines. The first header line is the title (a trailing ";" dropped);
//     further header lines (a subheading, as in PolNeAR) become the first
//     paragraph. Lines within a paragraph are joined with a space.
//   - a single line: the body, with a title made from its first sentence.
//
// isLead reports the lead layout, whose body lines may have glued paragraphs.
func textLayout(text string) (title string, paras []string, isLead bool) {
	lines := strings.Split(text, "\n")
	for i := range lines {
		lines[i] = strings.TrimSpace(lines[i])
	}
	for len(lines) > 0 && lines[0] == "" {
		lines = lines[1:]
	}
	h := 0
	for h < len(lines) && lines[h] != "" {
		h++
	}
	header, rest := lines[:h], lines[h:]
	restEmpty := true
	for _, l := range rest {
		if l != "" {
			restEmpty = false
			break
		}
	}
	switch {
	case len(header) == 1 && restEmpty:
		return "", header, false
	case len(header) >= 2 && (restEmpty || repeatsLead(header[1], header[0])):
		lead := header[0]
		paras = append(paras, header[1:]...)
		paras = append(paras, blockParagraphs(rest)...)
		if !repeatsLead(header[1], header[0]) && endsSentence(lead) {
			paras = append([]string{lead}, paras...)
		}
		return lead, paras, true
	default:
		title = strings.TrimSpace(strings.TrimSuffix(header[0], ";"))
		if len(header) > 1 {
			paras = append(paras, strings.Join(header[1:], " "))
		}
		paras = append(paras, blockParagraphs(rest)...)
		if len(paras) == 0 { // a multi-line header alone is handled above
			paras = []string{title}
		}
		return title, paras, false
	}
}

// blockParagraphs groups trimmed lines into paragraphs at blank lines,
// joining the lines of one paragraph with a space.
func blockParagraphs(lines []string) []string {
	var paras, cur []string
	for _, l := range lines {
		if l == "" {
			if len(cur) > 0 {
				paras = append(paras, strings.Join(cur, " "))
				cur = cur[:0]
			}
			continue
		}
		cur = append(cur, l)
	}
	if len(cur) > 0 {
		paras = append(paras, strings.Join(cur, " "))
	}
	return paras
}

// repeatsLead reports whether line starts with the lead, whitespace aside.
func repeatsLead(line, lead string) bool {
	l, b := collapseSpace(lead), collapseSpace(line)
	return l != "" && strings.HasPrefix(b, l)
}

// endsSentence reports whether s ends like a sentence, not a headline.
func endsSentence(s string) bool {
	s = strings.TrimRightFunc(s, func(r rune) bool {
		return r == '"' || r == '\'' || isCloseQuote(r) || unicode.IsSpace(r)
	})
	return strings.HasSuffix(s, ".") || strings.HasSuffix(s, "?") || strings.HasSuffix(s, "!")
}

// newArticle builds an article from a title (may be empty: made from the
// body) and body paragraphs. When glued is set, or the body is one
// paragraph, glued paragraph breaks are restored (RestoreParagraphs): text
// already split in paragraphs is left alone, since restoring is a guess
// ("One.Tel", "Bagle.AT"). The dateline goes to Place.
func newArticle(title string, paras []string, glued bool) *data.Article {
	body := joinParagraphs(paras)
	if glued || !strings.Contains(body, "\n") {
		body = joinParagraphs(strings.Split(RestoreParagraphs(body), "\n\n"))
	}
	place, rest := SplitDateline(body)
	body = rest
	if tplace, trest := SplitDateline(title); tplace != "" && (place == "" || tplace == place) {
		place, title = tplace, trest
	}
	if title == "" {
		first, _, _ := strings.Cut(body, "\n")
		title = firstSentence(first)
	}
	return &data.Article{
		Title: shortenTitle(collapseSpace(title)),
		Place: place,
		Body:  body,
	}
}

// joinParagraphs trims the paragraphs, drops empty ones and joins them
// with "\n\n".
func joinParagraphs(paras []string) string {
	out := paras[:0:0]
	for _, p := range paras {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return strings.Join(out, "\n\n")
}

// firstSentence returns s up to its first sentence end followed by a space,
// or all of s.
func firstSentence(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; (c == '.' || c == '?' || c == '!') && i+1 < len(s) && s[i+1] == ' ' && sentenceEnds(s, 0, i, i+2) {
			return s[:i+1]
		}
	}
	return s
}

// shortenTitle cuts s to TitleMax characters at a word boundary, ending it
// with "…", when it is longer.
func shortenTitle(s string) string {
	if utf8.RuneCountInString(s) <= TitleMax {
		return s
	}
	cut, hard, n := 0, 0, 0
	for i, r := range s {
		if n == TitleMax-1 {
			hard = i
			break
		}
		if r == ' ' {
			cut = i
		}
		n++
	}
	if cut == 0 { // one enormous word
		cut = hard
	}
	return strings.TrimRight(s[:cut], " ,;:-–—") + "…"
}

// size formats a byte count for messages: "50.0 MiB", or the exact count
// when rounding would hide the difference from limit.
func size(n int) string {
	switch {
	case n >= 1<<20 && n-MaxArticleBytes > 1<<17 || n%(1<<20) == 0 && n > 0:
		if n%(1<<20) == 0 {
			return fmt.Sprintf("%d MiB", n>>20)
		}
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	}
	return fmt.Sprintf("%d bytes", n)
}
