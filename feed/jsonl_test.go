package feed

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"byline/data"
)

func TestParseJSONLines(t *testing.T) {
	in := strings.Join([]string{
		`{"id":"a1","title":"Bridge opens","body":"BRISTOL – The bridge opened.\n\nCrowds came.","url":"HTTPS://Example.com/a1/#top","published":"2024-03-01T09:30:00Z","source":"Daily","author":"Jo Park","extra":{"x":1}}`,
		``,
		`{"title":5,"body":"x"}`,
		`not json at all`,
		`{"title":"Glued","body":"First part.Second part.","published":"1 March 2024"}`,
		`{"id":42,"title":"Numbered","body":"One\nTwo\n\n\nThree","published":"Fri, 01 Mar 2024 10:00:00 GMT","author":["A","B"]}`,
		`{"title":"Bad date","body":"b","published":"yesterday"}`,
		`{"title":"","body":""}`,
		`[1,2]`,
		`{"body":"No title here. More text follows."}`,
		`{"title":"x","body":{"a":1}}`,
		`{"title":"Nulls","body":"b","url":null}` + "\r",
	}, "\n")
	arts, probs := Parse("dir/f.jsonl", []byte(in))
	if len(arts) != 6 {
		t.Fatalf("%d articles, want 6: %+v", len(arts), arts)
	}
	a := arts[0]
	want := time.Date(2024, 3, 1, 9, 30, 0, 0, time.UTC)
	if a.Title != "Bridge opens" || a.Place != "BRISTOL" || a.Body != "The bridge opened.\n\nCrowds came." ||
		a.URL != "HTTPS://Example.com/a1/#top" || !a.Published.Equal(want) || a.Source != "Daily" || a.Author != "Jo Park" ||
		a.Origin != "dir/f.jsonl:1" || a.Key != "url:https://example.com/a1" || !strings.HasPrefix(string(a.Raw), `{"id":"a1"`) {
		t.Errorf("line 1: %+v", a)
	}
	if a := arts[1]; a.Body != "First part.\n\nSecond part." || a.Published.IsZero() || a.Origin != "dir/f.jsonl:5" || !strings.HasPrefix(a.Key, "sha256:") {
		t.Errorf("line 5: %+v", a)
	}
	if a := arts[2]; a.Body != "One\n\nTwo\n\nThree" || a.Key != "id:42" || a.Author != "A, B" || a.Published.IsZero() {
		t.Errorf("line 6: %+v", a)
	}
	if a := arts[3]; a.Title != "Bad date" || !a.Published.IsZero() {
		t.Errorf("line 7: %+v", a)
	}
	if a := arts[4]; a.Title != "No title here." {
		t.Errorf("line 10: title %q", a.Title)
	}
	if a := arts[5]; a.Title != "Nulls" || string(a.Raw) != `{"title":"Nulls","body":"b","url":null}` || a.Origin != "dir/f.jsonl:12" {
		t.Errorf("line 12: %+v", a)
	}
	var msgs []string
	for _, p := range probs {
		msgs = append(msgs, p.Error())
	}
	wantMsgs := []string{
		`dir/f.jsonl:3: field "title": want a string, got number`,
		`dir/f.jsonl:4: not JSON: invalid character 'o' in literal null (expecting 'u')`,
		`dir/f.jsonl:7: field "published": cannot read date "yesterday"`,
		`dir/f.jsonl:8: no title or body`,
		`dir/f.jsonl:9: want a JSON object, got array`,
		`dir/f.jsonl:11: field "body": want a string, got object`,
	}
	if strings.Join(msgs, "\n") != strings.Join(wantMsgs, "\n") {
		t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(msgs, "\n"), strings.Join(wantMsgs, "\n"))
	}
	if !probs[2].Warning || probs[0].Warning {
		t.Errorf("warning flags wrong: %+v", probs)
	}
	var fe *FieldError
	if !errors.As(probs[0], &fe) || fe.Field != "title" || fe.Got != "number" {
		t.Errorf("FieldError: %+v", fe)
	}
}

func TestParseJSONLinesEncoding(t *testing.T) {
	in := "\xEF\xBB\xBF{\"title\":\"Fee\",\"body\":\"A \xA315m fee\"}\r\n{\"title\":\"T\",\"body\":\"ok\"}\n"
	arts, probs := Parse("x.ndjson", []byte(in))
	if len(arts) != 2 || arts[0].Body != "A £15m fee" {
		t.Fatalf("articles %+v", arts)
	}
	if len(probs) != 1 || !probs[0].Warning || probs[0].Error() != "x.ndjson:1: not valid UTF-8, read as Windows-1252" {
		t.Errorf("problems %v", probs)
	}
}

func TestParseJSONLinesLongLine(t *testing.T) {
	in := `{"title":"a","body":"b"}` + "\n" + `{"title":"` + strings.Repeat("x", MaxArticleBytes) + `"}` + "\n" + `{"title":"c","body":"d"}`
	arts, probs := Parse("x.jsonl", []byte(in))
	if len(arts) != 2 || len(probs) != 1 || probs[0].Line != 2 || !errors.Is(probs[0], ErrTooLarge) {
		t.Errorf("%d articles, %v", len(arts), probs)
	}
}

func TestParseDate(t *testing.T) {
	for _, s := range []string{
		"2024-03-01T09:30:00Z", "2024-03-01T09:30:00.123+02:00", "2024-03-01", "2024-03-01 09:30:00",
		"Fri, 01 Mar 2024 09:30:00 GMT", "Fri, 1 Mar 2024 09:30:00 +0000", "March 1, 2024", "1 March 2024",
	} {
		if got, err := ParseDate(s); err != nil || got.Year() != 2024 || got.Month() != time.March || got.Day() != 1 {
			t.Errorf("ParseDate(%q) = %v, %v", s, got, err)
		}
	}
	if _, err := ParseDate("soon"); err == nil {
		t.Error("ParseDate(soon): no error")
	}
}

// TestParseChunksHandsOverAJSONLinesFileInChunks: a big file is never held
// as articles whole; the chunks come in line order, each with the
// problems met on its way.
func TestParseChunksHandsOverAJSONLinesFileInChunks(t *testing.T) {
	raw := `{"id":"1","title":"One","body":"a."}
{"id":"2","title":"Two","body":"b."}
not json
{"id":"3","title":"Three","body":"c."}
{"id":"4","title":"Four","body":"d."}
{"id":"5","title":"Five","body":"e."}
`
	var got []string
	ParseChunks("f.jsonl", []byte(raw), 2, func(arts []data.Article, probs []Problem) bool {
		var s []string
		for _, a := range arts {
			s = append(s, a.Title)
		}
		for _, p := range probs {
			s = append(s, fmt.Sprintf("line %d", p.Line))
		}
		got = append(got, strings.Join(s, "+"))
		return true
	})
	if want := []string{"One+Two", "Three+Four+line 3", "Five"}; !slices.Equal(got, want) {
		t.Errorf("chunks = %q, want %q", got, want)
	}
	calls := 0
	ParseChunks("f.jsonl", []byte(raw), 2, func([]data.Article, []Problem) bool { calls++; return false })
	if calls != 1 {
		t.Errorf("emit called %d times after it asked to stop, want 1", calls)
	}
}

// TestJSONLinesInUTF16: a UTF-16 file with its byte order mark is read line
// by line like UTF-8.
func TestJSONLinesInUTF16(t *testing.T) {
	text := "{\"id\":\"1\",\"title\":\"Caf\u00e9 opens\",\"body\":\"a.\"}\r\n{\"id\":\"2\",\"title\":\"Two\",\"body\":\"b.\"}\n"
	for _, bigEndian := range []bool{false, true} {
		raw := []byte{0xFF, 0xFE}
		if bigEndian {
			raw = []byte{0xFE, 0xFF}
		}
		for _, r := range text {
			if bigEndian {
				raw = append(raw, byte(r>>8), byte(r))
			} else {
				raw = append(raw, byte(r), byte(r>>8))
			}
		}
		arts, probs := Parse("u16.jsonl", raw)
		if len(probs) != 0 || len(arts) != 2 || arts[0].Title != "Caf\u00e9 opens" || arts[1].Origin != "u16.jsonl:2" {
			t.Errorf("big endian %v: %v %v", bigEndian, arts, probs)
		}
	}
}
