package feed

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// corpusDir finds shared/corpus by walking up from the package folder, or
// skips the test. The corpus is research-only: it is read in place, never
// copied into the project.
func corpusDir(tb testing.TB) string {
	tb.Helper()
	dir, err := os.Getwd()
	if err != nil {
		tb.Skipf("corpus: %v", err)
	}
	for {
		c := filepath.Join(dir, "shared", "corpus")
		if fi, err := os.Stat(c); err == nil && fi.IsDir() {
			return c
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			tb.Skip("shared/corpus not found above the package folder: corpus tests skipped")
		}
		dir = parent
	}
}

// corpusFiles lists the corpus text files: bbc, polnear train text, seed.
func corpusFiles(tb testing.TB) []string {
	root := corpusDir(tb)
	var files []string
	roots := []string{
		filepath.Join(root, "bbc"),
		filepath.Join(root, "polnear", "train", "text"),
		filepath.Join(root, "seed"),
	}
	err := Files(roots, func(path string, err error) error {
		if err != nil {
			return err
		}
		if strings.EqualFold(filepath.Base(path), "README.TXT") {
			return nil
		}
		files = append(files, path)
		return nil
	})
	if err != nil {
		tb.Fatal(err)
	}
	return files
}

func TestCorpus(t *testing.T) {
	files := corpusFiles(t)
	if len(files) < 3000 {
		t.Fatalf("found %d corpus files, want the 2225 BBC + 840 PolNeAR + seed", len(files))
	}
	restored, checked := 0, 0
	for _, path := range files {
		rel, _ := filepath.Rel(corpusDir(t), path)
		arts, probs := ReadFile(path)
		for _, p := range probs {
			if filepath.ToSlash(rel) == "bbc/sport/199.txt" && p.Warning && errors.Is(p, ErrCP1252) {
				continue
			}
			t.Errorf("%s: unexpected problem: %v", rel, p)
		}
		if len(arts) != 1 {
			t.Errorf("%s: %d articles, want 1", rel, len(arts))
			continue
		}
		a := arts[0]
		if a.Title == "" || a.Body == "" {
			t.Errorf("%s: empty title %q or body (%d bytes)", rel, a.Title, len(a.Body))
		}
		if !utf8.ValidString(a.Body) || strings.Contains(a.Body, "\r") || strings.Contains(a.Body, "\n\n\n") ||
			strings.TrimSpace(a.Body) != a.Body {
			t.Errorf("%s: body not normalised", rel)
		}
		if a.Origin != path || string(a.Raw) != mustRead(t, path) || !strings.HasPrefix(a.Key, "sha256:") {
			t.Errorf("%s: origin %q, raw or key %q wrong", rel, a.Origin, a.Key)
		}
		if filepath.ToSlash(rel) == "bbc/sport/199.txt" && !strings.Contains(a.Body, "£15.8m") {
			t.Errorf("%s: body lost the £ sign", rel)
		}
		// RestoreParagraphs, run over every paragraph (Parse runs it only on
		// one-paragraph bodies), must never cut after an abbreviation or
		// initial.
		paras := strings.Split(a.Body, "\n\n")
		for _, p := range paras {
			out := strings.Split(RestoreParagraphs(p), "\n\n")
			checked += len(out) - 1
			for i, q := range out[:len(out)-1] {
				if next := out[i+1]; !startsLikeSentence(next) {
					t.Errorf("%s: RestoreParagraphs breaks before %q", rel, next[:min(20, len(next))])
				}
				if w := lastWord(q); badBreakBefore(w) {
					t.Errorf("%s: RestoreParagraphs breaks after %q", rel, w)
				}
			}
		}
		srcParas := strings.Count(strings.ReplaceAll(mustRead(t, path), "\r\n", "\n"), "\n\n")
		if len(paras) > srcParas+2 {
			restored++
			t.Logf("%s: %d paragraphs restored", rel, len(paras)-srcParas-1)
		}
	}
	t.Logf("%d files, %d with paragraph breaks restored; %d glued breaks found and checked in all paragraphs", len(files), restored, checked)
}

func TestCorpusSeed(t *testing.T) {
	path := filepath.Join(corpusDir(t), "seed", "000_357bdfb1d442884b.txt")
	arts, probs := ReadFile(path)
	if len(probs) != 0 || len(arts) != 1 {
		t.Fatalf("got %d articles, problems %v", len(arts), probs)
	}
	a := arts[0]
	if a.Place != "DAMASCUS" {
		t.Errorf("place %q, want DAMASCUS", a.Place)
	}
	if !strings.HasPrefix(a.Title, "Moaz Alkhatib, the Syrian National Coalition leader") || !strings.HasSuffix(a.Title, "…") {
		t.Errorf("title %q", a.Title)
	}
	lead := "Moaz Alkhatib, the Syrian National Coalition leader, has said he was willing"
	if n := strings.Count(a.Body, lead); n != 1 || !strings.HasPrefix(a.Body, lead) {
		t.Errorf("lead appears %d times in body, or not first", n)
	}
	for _, want := range []string{
		"on his Facebook page.\n\nMr Alkhatib, a moderate cleric from Damascus",
		`northern Syria," he said.` + "\n\n" + `"There is an important question. Will`,
		"destruction?\"\n\nMr Alkhatib last month",
		"offer of talks.\n\nUN Under-Secretary-General",
	} {
		if !strings.Contains(a.Body, want) {
			t.Errorf("body lacks %q", want)
		}
	}
	if n := strings.Count(a.Body, "\n\n") + 1; n != 10 {
		t.Errorf("%d paragraphs, want 10:\n%s", n, a.Body)
	}
}

func mustRead(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// lastWord returns the last whitespace-separated word of s.
func lastWord(s string) string {
	f := strings.Fields(s)
	if len(f) == 0 {
		return ""
	}
	return f[len(f)-1]
}

// badBreakBefore reports whether a paragraph ending with word w was cut at
// an abbreviation, initial or acronym ("Mr.", "J.", "U.S.").
func badBreakBefore(w string) bool {
	w = strings.TrimLeft(w, `"“‘'(`)
	if !strings.HasSuffix(w, ".") {
		return false
	}
	stem := strings.TrimSuffix(w, ".")
	if abbreviations[stem] || strings.Contains(stem, ".") {
		return true
	}
	r, n := utf8.DecodeLastRuneInString(stem)
	if n == 0 || !unicode.IsLetter(r) {
		return false
	}
	r2, _ := utf8.DecodeLastRuneInString(stem[:len(stem)-n])
	return !unicode.IsLetter(r2) && !unicode.IsDigit(r2) && r2 != '’' && r2 != '\'' // a lone letter: "J.", "D-N."
}

// startsLikeSentence reports whether s starts with an uppercase letter,
// maybe after opening quotes, and has a letter or digit after them.
func startsLikeSentence(s string) bool {
	s = strings.TrimLeft(s, `"“‘'`)
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r) || unicode.IsDigit(r)
}
