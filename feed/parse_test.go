package feed

import (
	"errors"
	"os"
	"strings"
	"testing"
	"time"
)

// Fixtures here are written for the project, not copied from the corpus.

func parseOne(t *testing.T, name, in string) (a articleView, probs []Problem) {
	t.Helper()
	arts, probs := Parse(name, []byte(in))
	if len(arts) != 1 {
		t.Fatalf("Parse(%q): %d articles, want 1; problems %v", name, len(arts), probs)
	}
	x := arts[0]
	return articleView{x.Title, x.Place, x.Body}, probs
}

type articleView struct{ Title, Place, Body string }

func TestParseText(t *testing.T) {
	tests := []struct {
		name, in string
		want     articleView
	}{
		{"title layout",
			"Harbour reopens after storm\n\nThe harbour reopened on Monday.\n\n\"We are glad,\" said Ms Reyes.\n",
			articleView{"Harbour reopens after storm", "", "The harbour reopened on Monday.\n\n\"We are glad,\" said Ms Reyes."}},
		{"crlf bom trailing spaces",
			"\xEF\xBB\xBFTitle here  \r\n\r\n  First para.  \r\n\r\n\r\nSecond para.\r\n",
			articleView{"Title here", "", "First para.\n\nSecond para."}},
		{"wrapped lines joined",
			"Title\n\nA paragraph that\nwraps over lines.\n\nNext.",
			articleView{"Title", "", "A paragraph that wraps over lines.\n\nNext."}},
		{"subheading becomes first paragraph",
			"Council votes on budget; \nMayor says cuts are over.\n\nThe council voted.",
			articleView{"Council votes on budget", "", "Mayor says cuts are over.\n\nThe council voted."}},
		{"dateline in body",
			"Talks resume\n\nGENEVA (Reuters) - Talks resumed on Tuesday.\n\nMore.",
			articleView{"Talks resume", "GENEVA", "Talks resumed on Tuesday.\n\nMore."}},
		{"no restoration in multi-paragraph text",
			"T\n\nShares in One.Tel fell.\n\nMore.",
			articleView{"T", "", "Shares in One.Tel fell.\n\nMore."}},
		{"lead layout repeated",
			"OSLO – The fjord froze overnight for the first time in decades, officials said.\n" +
				"OSLO – The fjord froze overnight for the first time in decades, officials said. Boats stayed in port.Ferry operator Mr.Lund said \"it is rare.\"Schools closed.\n",
			articleView{"The fjord froze overnight for the first time in decades, officials said.", "OSLO",
				"The fjord froze overnight for the first time in decades, officials said. Boats stayed in port.\n\nFerry operator Mr.Lund said \"it is rare.\"\n\nSchools closed."}},
		{"lead layout not repeated",
			"A long lead sentence that runs on well past the hundred character limit for titles, so it is cut short.\nThe body.Second.",
			articleView{"A long lead sentence that runs on well past the hundred character limit for titles, so it is cut…",
				"", "A long lead sentence that runs on well past the hundred character limit for titles, so it is cut short.\n\nThe body.\n\nSecond."}},
		{"headline then lines",
			"Short headline\nFirst line.\nSecond line.",
			articleView{"Short headline", "", "First line.\n\nSecond line."}},
		{"single line",
			"PARIS – Rain fell.It stopped.",
			articleView{"Rain fell.", "PARIS", "Rain fell.\n\nIt stopped."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, probs := parseOne(t, "x.txt", tt.in)
			if len(probs) != 0 {
				t.Errorf("problems: %v", probs)
			}
			if got != tt.want {
				t.Errorf("got  %#v\nwant %#v", got, tt.want)
			}
		})
	}
}

func TestParseTextFields(t *testing.T) {
	raw := []byte("Title\r\n\r\nBody.\r\n")
	arts, probs := Parse("dir/a.txt", raw)
	if len(arts) != 1 || len(probs) != 0 {
		t.Fatalf("%d articles, %v", len(arts), probs)
	}
	a := arts[0]
	if string(a.Raw) != string(raw) || a.Origin != "dir/a.txt" || !strings.HasPrefix(a.Key, "sha256:") ||
		a.Source != "" || a.Quotes != nil || !a.Published.IsZero() {
		t.Errorf("fields: %+v", a)
	}
	// The key is the normalised content and the file's name: the same file
	// from another folder (with other line ends) is the same article...
	b, _ := Parse("elsewhere/a.txt", []byte("Title\n\nBody.\n"))
	if b[0].Key != a.Key {
		t.Errorf("same content and name, different keys %q %q", a.Key, b[0].Key)
	}
	// ...and another file with the same text is another article.
	c, _ := Parse("dir/b.txt", raw)
	if c[0].Key == a.Key {
		t.Errorf("two files with one text share key %q", a.Key)
	}
}

func TestParseCP1252(t *testing.T) {
	arts, probs := Parse("sport/9.txt", []byte("Fee\n\nA \xA315m fee.\n"))
	if len(arts) != 1 || !strings.Contains(arts[0].Body, "£15m") {
		t.Fatalf("articles %+v", arts)
	}
	if len(probs) != 1 || !probs[0].Warning || !errors.Is(probs[0], ErrCP1252) ||
		probs[0].Error() != "sport/9.txt: not valid UTF-8, read as Windows-1252" {
		t.Errorf("problems %v", probs)
	}
}

func TestParseBad(t *testing.T) {
	tests := []struct {
		name string
		raw  []byte
		err  error
		msg  string
	}{
		{"e.txt", nil, ErrEmpty, "e.txt: empty file"},
		{"e.txt", []byte(" \n\r\n\t"), ErrEmpty, "e.txt: empty file"},
		{"e.txt", []byte("\xEF\xBB\xBF\n"), ErrEmpty, "e.txt: empty file"},
		{"e.jsonl", []byte("\n\n"), ErrEmpty, "e.jsonl: empty file"},
		{"b.txt", []byte("PK\x03\x04\x00\x00binary"), ErrBinary, "b.txt: binary file, not an article"},
		{"b.jsonl", []byte("{\"title\":\"x\x00\"}"), ErrBinary, "b.jsonl: binary file, not an article"},
		{"b.txt", []byte(strings.Repeat("\x01\x02\x03x", 100)), ErrBinary, "b.txt: binary file, not an article"},
		{"big.txt", []byte(strings.Repeat("a", MaxArticleBytes+1)), ErrTooLarge, "big.txt: too large: 8388609 bytes, the limit for one article is 8 MiB"},
	}
	for _, tt := range tests {
		arts, probs := Parse(tt.name, tt.raw)
		if len(arts) != 0 || len(probs) != 1 || probs[0].Warning || !errors.Is(probs[0], tt.err) {
			t.Errorf("Parse(%q, %.20q) = %d articles, %v", tt.name, tt.raw, len(arts), probs)
			continue
		}
		if got := probs[0].Error(); got != tt.msg {
			t.Errorf("message %q, want %q", got, tt.msg)
		}
	}
}

func TestParseHugeSingleLine(t *testing.T) {
	// 50 MB on one line: refused quickly, not parsed.
	raw := []byte(strings.Repeat("word. ", 50<<20/6))
	start := time.Now()
	for _, name := range []string{"huge.txt", "huge.jsonl"} {
		arts, probs := Parse(name, raw)
		if len(arts) != 0 || len(probs) != 1 || !errors.Is(probs[0], ErrTooLarge) {
			t.Errorf("%s: %d articles, %v", name, len(arts), probs)
		}
	}
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("took %v", d)
	}
}

func TestParseJustUnderLimit(t *testing.T) {
	// One paragraph just under the limit goes through restoration fast.
	body := strings.Repeat("Word word word.Next ", MaxArticleBytes/21)
	arts, probs := Parse("big.txt", []byte(body))
	if len(arts) != 1 || len(probs) != 0 {
		t.Fatalf("%d articles, %v", len(arts), probs)
	}
	if n := strings.Count(arts[0].Body, "\n\n"); n < 1000 {
		t.Errorf("only %d breaks", n)
	}
	if len([]rune(arts[0].Title)) > TitleMax {
		t.Errorf("title too long: %d", len(arts[0].Title))
	}
}

func TestProblemError(t *testing.T) {
	p := Problem{File: "x.jsonl", Line: 3, Err: &FieldError{Field: "title", Want: "a string", Got: "number"}}
	if got, want := p.Error(), `x.jsonl:3: field "title": want a string, got number`; got != want {
		t.Errorf("got %q want %q", got, want)
	}
	if got := (Problem{File: "a"}).Error(); got != "a: unknown problem" {
		t.Errorf("got %q", got)
	}
	// an OS error about the file names it once
	_, err := os.Stat("/nonexistent-byline")
	if got := (Problem{File: "/nonexistent-byline", Err: err}).Error(); got != "/nonexistent-byline: no such file or directory" {
		t.Errorf("got %q", got)
	}
}

func TestShortenTitle(t *testing.T) {
	long := strings.Repeat("abcdefghij ", 20)
	got := shortenTitle(long)
	if r := []rune(got); len(r) > TitleMax || !strings.HasSuffix(got, "abcdefghij…") {
		t.Errorf("shortenTitle = %q (%d)", got, len(r))
	}
	word := strings.Repeat("é", 300)
	if got := shortenTitle(word); len([]rune(got)) != TitleMax {
		t.Errorf("one long word: %d runes", len([]rune(got)))
	}
	if got := shortenTitle("short"); got != "short" {
		t.Errorf("short: %q", got)
	}
}
