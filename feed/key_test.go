package feed

import (
	"math/rand/v2"
	"strings"
	"testing"

	"byline/data"
)

func TestKey(t *testing.T) {
	a := data.Article{Title: "T", Body: "Some  body\n\ntext"}
	b := data.Article{Title: " T ", Body: "Some body text"}
	if Key(a, "") != Key(b, "") || !strings.HasPrefix(Key(a, ""), "sha256:") || len(Key(a, "")) != len("sha256:")+64 {
		t.Errorf("whitespace changes key: %q %q", Key(a, ""), Key(b, ""))
	}
	if c := (data.Article{Title: "t", Body: "Some body text"}); Key(c, "") == Key(b, "") {
		t.Error("case ignored")
	}
	if got := Key(a, "x9"); got != "id:x9" {
		t.Errorf("id key %q", got)
	}
	a.Source = "Daily"
	if got := Key(a, "x9"); got != "id:Daily/x9" {
		t.Errorf("id key with source %q", got)
	}
	a.URL = "https://Example.COM:443/news/1/?utm_source=x&b=2&a=1#frag"
	if got := Key(a, "x9"); got != "url:https://example.com/news/1?a=1&b=2" {
		t.Errorf("url key %q", got)
	}
}

func TestNormaliseURL(t *testing.T) {
	for in, want := range map[string]string{
		"":                                "",
		"  http://A.com:80/  ":            "http://a.com",
		"https://a.com/x/":                "https://a.com/x",
		"https://a.com/x?":                "https://a.com/x",
		"https://a.com/Path?Q=1#x":        "https://a.com/Path?Q=1",
		"not a url":                       "not a url",
		"/relative/path":                  "/relative/path",
		"https://a.com/?utm_medium=e&z=1": "https://a.com?z=1",
	} {
		if got := NormaliseURL(in); got != want {
			t.Errorf("NormaliseURL(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestAppendCollapsedMatchesCollapseSpace(t *testing.T) {
	long := strings.Repeat("word\t \n", 2000) + strings.Repeat("é", 3000)
	for _, s := range []string{"", "  ", " a  b\n\nc ", "x", "\u0085next\u3000ideographic\u00a0", "\u00a0lead\u2003em space", long, "end  "} {
		if got := string(appendCollapsed([]byte("x"), s)); got != "x"+collapseSpace(s) {
			t.Errorf("appendCollapsed(%.30q) = %.40q, want %.40q", s, got, "x"+collapseSpace(s))
		}
	}
}

// TestFileKeyIsStable pins a key: stores made by earlier versions hold keys
// made this way, and a change would import every file again as new.
func TestFileKeyIsStable(t *testing.T) {
	a := data.Article{Title: " Pier  reopens", Body: "The pier reopened,\n\nthe council said.\u00a0 été\n"}
	want := "sha256:257d7f0e5373aec012bb25572ea906bc31b71be0c76281753510a6fecaa5a402"
	if got := fileKey(a, "some/dir/001.txt"); got != want {
		t.Errorf("fileKey = %s, want %s", got, want)
	}
}

// TestAppendCollapsedOnRandomText compares with collapseSpace on random
// mixes of words, spaces, other whitespace and non-ASCII letters.
func TestAppendCollapsedOnRandomText(t *testing.T) {
	parts := []string{"a", "bc", " ", " ", "  ", "\t", "\n", "é", "\u00a0", "\u3000", ".", "x y"}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 5000 {
		var b strings.Builder
		for range rng.IntN(12) {
			b.WriteString(parts[rng.IntN(len(parts))])
		}
		s := b.String()
		if got := string(appendCollapsed(nil, s)); got != collapseSpace(s) {
			t.Fatalf("appendCollapsed(%q) = %q, want %q", s, got, collapseSpace(s))
		}
	}
}
