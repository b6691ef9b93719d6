package sample

import (
	"bufio"
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"time"
)

type article struct {
	ID        string `json:"id"`
	Title     string `json:"title"`
	Body      string `json:"body"`
	URL       string `json:"url"`
	Published string `json:"published"`
	Source    string `json:"source"`
	Author    string `json:"author"`
}

func load(t *testing.T) []article {
	t.Helper()
	var out []article
	sc := bufio.NewScanner(bytes.NewReader(JSONL()))
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	line := 0
	for sc.Scan() {
		line++
		raw := sc.Bytes()
		if len(bytes.TrimSpace(raw)) == 0 {
			t.Errorf("line %d: empty line", line)
			continue
		}
		var a article
		dec := json.NewDecoder(bytes.NewReader(raw))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&a); err != nil {
			t.Errorf("line %d: invalid JSON: %v", line, err)
			continue
		}
		out = append(out, a)
	}
	if err := sc.Err(); err != nil {
		t.Fatalf("scan: %v", err)
	}
	return out
}

func TestArticlesWellFormed(t *testing.T) {
	arts := load(t)
	if len(arts) < 24 {
		t.Fatalf("got %d articles, want at least 24", len(arts))
	}
	ids := map[string]bool{}
	published := map[time.Time]string{}
	for _, a := range arts {
		if a.ID == "" || a.Title == "" || a.Body == "" || a.Published == "" {
			t.Errorf("%q: empty id, title, body or published", a.ID)
		}
		if ids[a.ID] {
			t.Errorf("duplicate id %q", a.ID)
		}
		ids[a.ID] = true
		p, err := time.Parse(time.RFC3339, a.Published)
		if err != nil {
			t.Errorf("%s: published %q is not RFC 3339: %v", a.ID, a.Published, err)
		} else if other, dup := published[p]; dup {
			t.Errorf("%s: same published time as %s", a.ID, other)
		} else {
			published[p] = a.ID
		}
		if !strings.Contains(a.Source, "(fictional sample)") {
			t.Errorf("%s: source %q lacks \"(fictional sample)\"", a.ID, a.Source)
		}
		if !strings.HasPrefix(a.URL, "https://sample.byline.invalid/") {
			t.Errorf("%s: url %q is not under https://sample.byline.invalid/", a.ID, a.URL)
		}
		if n := len(strings.Fields(a.Body)); n < 150 || n > 400 {
			t.Errorf("%s: body has %d words, want 150-400", a.ID, n)
		}
		if strings.Contains(a.Body, "\n\n\n") || strings.TrimSpace(a.Body) != a.Body {
			t.Errorf("%s: body has stray blank lines or surrounding space", a.ID)
		}
	}
}

func TestQuotationStylesPresent(t *testing.T) {
	arts := load(t)
	var all strings.Builder
	headlineQuote, glued := false, 0
	for _, a := range arts {
		all.WriteString(a.Title)
		all.WriteString("\n")
		all.WriteString(a.Body)
		all.WriteString("\n")
		// A headline that opens with a single-quoted quotation: 'We will ...,' says mayor
		if strings.HasPrefix(a.Title, "'") && strings.Contains(a.Title, ",' ") {
			headlineQuote = true
		}
		if !strings.Contains(a.Body, "\n") {
			glued++
		}
	}
	if !headlineQuote {
		t.Errorf("no headline opens with a single-quoted quotation")
	}
	if glued == 0 {
		t.Errorf("no glued (single-paragraph) article")
	}
	text := all.String()
	for _, want := range []string{"“", "”", "«", "»", "said", "told", "according to"} {
		if !strings.Contains(strings.ToLower(text), strings.ToLower(want)) {
			t.Errorf("sample set contains no %q", want)
		}
	}
}

func TestJSONLReturnsCopy(t *testing.T) {
	a := JSONL()
	if len(a) == 0 {
		t.Fatal("empty sample")
	}
	a[0] ^= 0xff
	if b := JSONL(); b[0] == a[0] {
		t.Error("JSONL shares its backing array with callers")
	}
}
