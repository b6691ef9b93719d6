package quote

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"byline/data"
)

// cleanForm restores the paragraph breaks glued away in the raw seed body
// (`page.Mr`, `he said."There`) and drops the repeated lead, as the
// importer does.
func cleanForm(raw string) string {
	lines := strings.SplitN(raw, "\n", 2)
	body := raw
	if len(lines) == 2 && strings.HasPrefix(strings.TrimSpace(lines[1]), strings.TrimSpace(lines[0])[:40]) {
		body = lines[1]
	}
	var b strings.Builder
	inside := false
	for i := 0; i < len(body); i++ {
		c := body[i]
		b.WriteByte(c)
		if c == '"' {
			inside = !inside
		}
		if i+1 >= len(body) {
			break
		}
		next := body[i+1]
		end := c == '.' || c == '?' || c == '!' || c == '"' && !inside && i > 0 && strings.IndexByte(".?!,", body[i-1]) >= 0
		if end && !inside && (next >= 'A' && next <= 'Z' || next == '"') && i > 0 && body[i-1] != ' ' {
			b.WriteString("\n\n")
		}
	}
	return b.String()
}

// TestSeedArticle is the acceptance case: the seed article, raw (glued) and
// clean.
func TestSeedArticle(t *testing.T) {
	path := filepath.Join(sharedCorpus(t), "seed", "000_357bdfb1d442884b.txt")
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Skipf("seed article absent (%v): skipping the acceptance test", err)
	}
	for _, form := range []struct{ name, text string }{{"raw", string(raw)}, {"clean", cleanForm(string(raw))}} {
		t.Run(form.name, func(t *testing.T) {
			checkSeed(t, form.text)
		})
	}
}

func checkSeed(t *testing.T, text string) {
	qs := Extract(text)
	want := []struct {
		contains string
		kind     data.QuoteKind
		speaker  string
		role     string // "" = not checked
	}{
		{"minimum of bloodshed and destruction", data.Mixed, "Moaz Alkhatib", ""},
		{"If the regime is so concerned about sovereignty", data.Direct, "Moaz Alkhatib", ""},
		{"There is an important question. Will the regime agree to leave with the minimum of blood and destruction?", data.Direct, "Moaz Alkhatib", ""},
		{"the most promising thing we've heard on Syria recently", data.Mixed, "Jeffrey Feltman", "UN Under-Secretary-General for Political Affairs"},
		{"it saw a glimmer of hope in Mr Alkhatib's offer of talks", data.Indirect, "United Nations", ""},
	}
	for _, w := range want {
		n := 0
		for _, q := range qs {
			if !strings.Contains(q.Text, w.contains) {
				continue
			}
			n++
			if q.Kind != w.kind || q.Speaker != w.speaker || w.role != "" && q.Role != w.role {
				t.Errorf("%q: got kind %s speaker %q role %q; want %s %q %q", w.contains, q.Kind, q.Speaker, q.Role, w.kind, w.speaker, w.role)
			}
		}
		if n != 1 {
			t.Errorf("%q: in %d attributions, want exactly 1", w.contains, n)
		}
	}
	// the partial quote's content is the whole reported clause
	for _, q := range qs {
		if strings.Contains(q.Text, "minimum of bloodshed") && !strings.HasPrefix(q.Text, "The aim of the talks") {
			t.Errorf("mixed content should be the reported clause, got %q", q.Text)
		}
		if q.Speaker != "" && q.Speaker != "Moaz Alkhatib" && q.Speaker != "Jeffrey Feltman" && q.Speaker != "United Nations" {
			t.Errorf("unexpected speaker %q for %q", q.Speaker, q.Text)
		}
		checkInvariants(t, text, q)
	}
}

// checkInvariants: spans in bounds, on rune boundaries, Text matches.
func checkInvariants(t testing.TB, text string, q data.Quote) {
	t.Helper()
	for _, s := range []data.Span{q.Content, q.CueSpan, q.SourceSpan} {
		if s == data.NoSpan {
			continue
		}
		if s.Start < 0 || s.End < s.Start || s.End > len(text) {
			t.Fatalf("span %v out of bounds (len %d) in %+v", s, len(text), q)
		}
		if !isRuneStart(text, s.Start) || !isRuneStart(text, s.End) {
			t.Fatalf("span %v not on rune boundaries in %+v", s, q)
		}
	}
	if q.Content.End <= q.Content.Start {
		t.Fatalf("empty content in %+v", q)
	}
	if q.Text != text[q.Content.Start:q.Content.End] {
		t.Fatalf("Text %q != content span text %q", q.Text, text[q.Content.Start:q.Content.End])
	}
	if q.CueSpan.Valid() && q.Cue != text[q.CueSpan.Start:q.CueSpan.End] || !q.CueSpan.Valid() && q.Cue != "" {
		t.Fatalf("Cue %q does not match its span %v", q.Cue, q.CueSpan)
	}
	if q.SourceSpan.Valid() && q.Source != text[q.SourceSpan.Start:q.SourceSpan.End] || !q.SourceSpan.Valid() && q.Source != "" {
		t.Fatalf("Source %q does not match its span %v", q.Source, q.SourceSpan)
	}
}

func isRuneStart(s string, i int) bool {
	return i == len(s) || i >= 0 && i < len(s) && (s[i]&0xC0 != 0x80)
}
