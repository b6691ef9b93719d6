package feed

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	textunicode "golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
	"io"
	"strconv"
	"strings"
	"time"

	"byline/data"
)

// jsonFields lists, for each article field, the JSON keys read for it, first
// found wins. The first key is the documented one; the others are common
// names in other exports.
var jsonFields = struct {
	id, title, body, url, published, source, author []string
}{
	id:        []string{"id", "guid"},
	title:     []string{"title", "headline"},
	body:      []string{"body", "text", "content"},
	url:       []string{"url", "link"},
	published: []string{"published", "date", "published_at", "pubDate"},
	source:    []string{"source", "publisher"},
	author:    []string{"author", "byline", "authors"},
}

// dateLayouts are the forms "published" may take, tried in order.
var dateLayouts = []string{
	time.RFC3339Nano,
	"2006-01-02T15:04:05", // no zone: UTC
	"2006-01-02 15:04:05Z07:00",
	"2006-01-02 15:04:05",
	"2006-01-02T15:04",
	"2006-01-02",
	time.RFC1123Z,
	time.RFC1123,
	"Mon, 2 Jan 2006 15:04:05 -0700",
	"Mon, 2 Jan 2006 15:04:05 MST",
	time.RFC850,
	time.RFC822Z,
	time.RFC822,
	time.ANSIC,
	"January 2, 2006",
	"Jan 2, 2006",
	"2 January 2006",
	"2 Jan 2006",
	"2006/01/02",
}

// ParseDate reads a publication date in RFC 3339 or another common form
// (see dateLayouts). Dates without a zone are taken as UTC.
func ParseDate(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	for _, layout := range dateLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("cannot read date %q", s)
}

// readJSONLines reads one article per line from r, a line at a time, so
// that neither the file nor its articles are ever held whole. Blank lines
// are skipped; a bad line is reported with its number and the other lines
// are read; a line longer than MaxArticleBytes is skipped and reported, not
// read. The articles go to emit chunk at a time, with the problems met on
// their lines; it stops when emit returns false.
func readJSONLines(name string, r io.Reader, chunk int, emit func([]data.Article, []Problem) bool) {
	chunk = max(chunk, 1)
	br := bufio.NewReaderSize(r, 64<<10)
	head, _ := br.Peek(sniffSize)
	if isBinary(head) {
		emit(nil, []Problem{{File: name, Err: ErrBinary}})
		return
	}
	switch {
	case bytes.HasPrefix(head, bomUTF8):
		br.Discard(len(bomUTF8))
	case bytes.HasPrefix(head, bomUTF16LE), bytes.HasPrefix(head, bomUTF16BE):
		// Lines are found on the text, not on the bytes: a UTF-16 "\n" is
		// two bytes. Each article keeps its line as UTF-8.
		order := textunicode.LittleEndian
		if bytes.HasPrefix(head, bomUTF16BE) {
			order = textunicode.BigEndian
		}
		br = bufio.NewReaderSize(transform.NewReader(br, textunicode.UTF16(order, textunicode.ExpectBOM).NewDecoder()), 64<<10)
	}
	var (
		arts  []data.Article
		probs []Problem
		text  bool // a line that is not blank
		buf   []byte
	)
	for n := 1; ; n++ {
		if len(arts) >= chunk {
			if !emit(arts, probs) {
				return
			}
			arts, probs = nil, nil
		}
		line, length, err := readLine(br, buf[:0], MaxArticleBytes)
		buf = line
		if length == 0 && err != nil {
			if err != io.EOF {
				probs = append(probs, Problem{File: name, Line: n, Err: unwrapPath(err)})
			}
			break
		}
		line = bytes.TrimSuffix(bytes.TrimSuffix(line, []byte{'\n'}), []byte{'\r'})
		switch {
		case length > MaxArticleBytes:
			text = true
			probs = append(probs, Problem{File: name, Line: n, Err: fmt.Errorf("%w: line of %s, the limit for one article is %s",
				ErrTooLarge, size(length), size(MaxArticleBytes))})
		case len(bytes.TrimSpace(line)) > 0:
			text = true
			a, lp := parseJSONLine(name, n, line)
			probs = append(probs, lp...)
			if a != nil {
				arts = append(arts, *a)
			}
		}
		if err != nil {
			if err != io.EOF {
				probs = append(probs, Problem{File: name, Line: n, Err: unwrapPath(err)})
			}
			break
		}
	}
	if !text && len(probs) == 0 {
		probs = append(probs, Problem{File: name, Err: ErrEmpty})
	}
	if len(arts) > 0 || len(probs) > 0 {
		emit(arts, probs)
	}
}

// readLine appends the next line of br, its newline included, to dst and
// returns it with the line's length. A line longer than max is read to its
// end but not kept: its length says so.
func readLine(br *bufio.Reader, dst []byte, max int) ([]byte, int, error) {
	length := 0
	for {
		part, err := br.ReadSlice('\n')
		length += len(part)
		if length <= max+1 { // +1: the newline
			dst = append(dst, part...)
		} else {
			dst = dst[:0]
		}
		if err != bufio.ErrBufferFull {
			if length > 0 && part[len(part)-1] == '\n' {
				length--
			}
			return dst, length, err
		}
	}
}

// parseJSONLine reads line n of a JSON Lines file.
func parseJSONLine(name string, n int, line []byte) (*data.Article, []Problem) {
	var probs []Problem
	fail := func(err error) (*data.Article, []Problem) {
		return nil, append(probs, Problem{File: name, Line: n, Err: err})
	}
	text, cp := Decode(line) // readJSONLines has refused lines over MaxArticleBytes
	if cp {
		probs = append(probs, Problem{File: name, Line: n, Err: ErrCP1252, Warning: true})
	}
	var obj map[string]json.RawMessage
	if err := json.Unmarshal([]byte(text), &obj); err != nil {
		var typeErr *json.UnmarshalTypeError
		if errors.As(err, &typeErr) {
			return fail(fmt.Errorf("want a JSON object, got %s", jsonKind([]byte(strings.TrimSpace(text)))))
		}
		return fail(fmt.Errorf("not JSON: %v", err))
	}
	if obj == nil { // the line is "null"
		return fail(fmt.Errorf("want a JSON object, got null"))
	}
	var (
		f   [7]string
		err error
	)
	keys := [][]string{jsonFields.id, jsonFields.title, jsonFields.body, jsonFields.url,
		jsonFields.published, jsonFields.source, jsonFields.author}
	for i, names := range keys {
		if f[i], err = stringField(obj, names, i == 0, names[0] == "author"); err != nil {
			return fail(err)
		}
	}
	id, title, body, link, published, source, author := f[0], f[1], f[2], f[3], f[4], f[5], f[6]
	title = collapseSpace(normaliseNewlines(title))
	if title == "" && strings.TrimSpace(body) == "" {
		return fail(ErrNoText)
	}
	a := newArticle(title, strings.Split(normaliseNewlines(body), "\n"), false)
	a.URL = strings.TrimSpace(link)
	a.Source = collapseSpace(source)
	a.Author = collapseSpace(author)
	if strings.TrimSpace(published) != "" {
		t, err := ParseDate(published)
		if err != nil {
			probs = append(probs, Problem{File: name, Line: n, Err: fmt.Errorf("field %q: %v", firstKey(obj, jsonFields.published), err), Warning: true})
		} else {
			a.Published = t
		}
	}
	a.Raw = bytes.Clone(line)
	a.Origin = name + ":" + strconv.Itoa(n)
	a.Key = Key(*a, id)
	return a, probs
}

// stringField returns the first of names present in obj as a string. null
// counts as absent. A number is accepted when allowNumber (ids); an array
// of strings is joined with ", " when allowList (authors). Any other type is
// a *FieldError.
func stringField(obj map[string]json.RawMessage, names []string, allowNumber, allowList bool) (string, error) {
	for _, k := range names {
		v, ok := obj[k]
		if !ok {
			continue
		}
		v = bytes.TrimSpace(v)
		switch kind := jsonKind(v); kind {
		case "null":
			continue
		case "string":
			var s string
			if err := json.Unmarshal(v, &s); err != nil {
				return "", &FieldError{Field: k, Want: "a string", Got: kind}
			}
			return s, nil
		case "number":
			if allowNumber {
				return string(v), nil
			}
		case "array":
			var list []string
			if allowList && json.Unmarshal(v, &list) == nil {
				return strings.Join(list, ", "), nil
			}
		}
		want := "a string"
		switch {
		case allowNumber:
			want = "a string or number"
		case allowList:
			want = "a string or list of strings"
		}
		return "", &FieldError{Field: k, Want: want, Got: jsonKind(v)}
	}
	return "", nil
}

// firstKey returns the first of names present in obj.
func firstKey(obj map[string]json.RawMessage, names []string) string {
	for _, k := range names {
		if _, ok := obj[k]; ok {
			return k
		}
	}
	return names[0]
}

// jsonKind names the type of a JSON value from its first byte.
func jsonKind(v []byte) string {
	if len(v) == 0 {
		return "nothing"
	}
	switch v[0] {
	case '"':
		return "string"
	case '{':
		return "object"
	case '[':
		return "array"
	case 't', 'f':
		return "boolean"
	case 'n':
		return "null"
	}
	return "number"
}
