package feed

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

func stripSpace(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

var fuzzSeeds = []string{
	"",
	"Title\n\nBody.\n",
	"DAMASCUS – Lead sentence here.\nDAMASCUS – Lead sentence here. More.Next para.\"Quote,\" he said.\"Two.\"Mr X left.",
	"T\r\n\r\nLONDON (Reuters) - The U.S.Army and J.K.Rowling met at 9 a.m.Then they left.",
	"www.BBC.co.uk john@Example.com 3.5 No.1 e.g.This Ph.D.Student",
	"“Yes.”“No.”‘Maybe’ (so.)Then",
	"a \xA3 b \x93q\x94 \xff\xfe",
	"\xEF\xBB\xBF\xFF\xFEx\x00",
	`{"title":"t","body":"b.C","published":"2024-01-01"}` + "\n" + `{"title":5}` + "\nnot json\n[1]\nnull\n" + `{"id":1.5e3,"author":["a",2]}`,
	"\x00binary",
	"...\"\"\"“”.A.B.C!?\"X",
}

func FuzzParse(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(".txt", []byte(s))
		f.Add(".jsonl", []byte(s))
	}
	f.Fuzz(func(t *testing.T, ext string, raw []byte) {
		name := "f" + ext
		if ext != ".txt" && ext != ".jsonl" {
			name = "f.txt"
		}
		arts, probs := Parse(name, raw)
		for _, p := range probs {
			if p.File != name || p.Err == nil || !strings.HasPrefix(p.Error(), name) {
				t.Errorf("bad problem %#v", p)
			}
			if strings.Contains(p.Error(), "internal error") {
				t.Errorf("recovered panic: %v", p)
			}
		}
		for _, a := range arts {
			if !utf8.ValidString(a.Title) || !utf8.ValidString(a.Body) || !utf8.ValidString(a.Place) {
				t.Errorf("invalid UTF-8 in %+v", a)
			}
			if a.Title == "" && a.Body == "" {
				t.Errorf("empty article from %q", raw)
			}
			if strings.TrimSpace(a.Body) != a.Body || strings.Contains(a.Body, "\n\n\n") || strings.Contains(a.Body, "\r") {
				t.Errorf("body not normalised: %q", a.Body)
			}
			if utf8.RuneCountInString(a.Title) > TitleMax {
				t.Errorf("title too long: %q", a.Title)
			}
			if a.Key == "" || a.Origin == "" || len(a.Raw) == 0 {
				t.Errorf("missing key, origin or raw: %+v", a)
			}
		}
	})
}

func FuzzRestoreParagraphs(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out := RestoreParagraphs(s)
		if stripSpace(out) != stripSpace(s) {
			t.Fatalf("RestoreParagraphs changed more than whitespace:\n in %q\nout %q", s, out)
		}
		if d := len(out) - len(s); d < 0 || d%2 != 0 || strings.Count(out, "\n\n")-strings.Count(s, "\n\n") < d/2 {
			t.Fatalf("RestoreParagraphs did not only insert \\n\\n:\n in %q\nout %q", s, out)
		}
	})
}

func FuzzSplitDateline(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Add("WASHINGTON, D.C. — x")
	f.Add("NEW YORK (AP) — x")
	f.Fuzz(func(t *testing.T, s string) {
		place, rest := SplitDateline(s)
		if place == "" {
			if rest != s {
				t.Fatalf("no place but body changed: %q -> %q", s, rest)
			}
			return
		}
		if !strings.HasPrefix(s, place) || !strings.HasSuffix(s, rest) || rest == "" || len(rest) >= len(s)-len(place) {
			t.Fatalf("SplitDateline(%q) = %q, %q", s, place, rest)
		}
		if strings.ToUpper(place) != place || strings.TrimSpace(place) != place {
			t.Fatalf("place %q not all caps or not trimmed", place)
		}
	})
}

// DecodeWithOffsets gives valid UTF-8 and one offset for every byte of it
// (and its end), never going back and never past the file.
func FuzzDecodeWithOffsets(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add([]byte(s))
	}
	f.Add([]byte("caf\xe9 \x93ok\x94\r\n"))
	f.Add([]byte("\xff\xfe\x3d\xd8\x00\xde\x41\x00")) // UTF-16 LE: a surrogate pair, then A
	f.Add([]byte("\xfe\xff\xd8\x3d\x00"))             // UTF-16 BE, cut short
	f.Fuzz(func(t *testing.T, raw []byte) {
		text, offsets, _ := DecodeWithOffsets(raw)
		if !utf8.ValidString(text) {
			t.Fatalf("text is not UTF-8: %q", text)
		}
		if offsets == nil {
			if text != string(raw) {
				t.Fatalf("no offsets, but the text is not the file: %q", raw)
			}
			return
		}
		if len(offsets) != len(text)+1 || offsets[len(text)] != len(raw) {
			t.Fatalf("%d offsets for %d bytes of text, last %d of %d", len(offsets), len(text), offsets[len(offsets)-1], len(raw))
		}
		for i := 1; i < len(offsets); i++ {
			if offsets[i] < offsets[i-1] || offsets[i] > len(raw) {
				t.Fatalf("offsets go back or past the file at %d: %v", i, offsets)
			}
		}
	})
}
