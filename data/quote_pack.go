package data

import (
	"encoding/binary"
	"errors"
	"fmt"
	"slices"
)

// An article's quotes are stored together, packed in one value of the
// article_quotes table (schema version 9 on): one row per article instead
// of one per quote, so an import writes a sixth of the rows it did. A
// speaker's quotes are found through speaker_articles, one row per speaker
// name and article.
//
// The pack is a format byte, the number of quotes, then each quote in text
// order: its text, content span, kind, cue and its span, source and its
// span, speaker and role. Strings are a length and their bytes, numbers
// varints (a missing span is -1, -1).

const packFormat = 1

// packQuotes appends the packed quotes to b.
func packQuotes(b []byte, qs []Quote) []byte {
	// Room for the strings and about 32 bytes of numbers a quote (6 span
	// ends and 5 lengths of a few bytes each, and the kind), made once.
	n := 1 + binary.MaxVarintLen64
	for i := range qs {
		q := &qs[i]
		n += len(q.Text) + len(q.Cue) + len(q.Source) + len(q.Speaker) + len(q.Role) + 32
	}
	b = slices.Grow(b, n)
	b = append(b, packFormat)
	b = binary.AppendUvarint(b, uint64(len(qs)))
	str := func(s string) {
		b = binary.AppendUvarint(b, uint64(len(s)))
		b = append(b, s...)
	}
	span := func(s Span) {
		b = binary.AppendVarint(b, int64(s.Start))
		b = binary.AppendVarint(b, int64(s.End))
	}
	for i := range qs {
		q := &qs[i]
		str(q.Text)
		span(q.Content)
		b = append(b, kindCode(q.Kind))
		str(q.Cue)
		span(q.CueSpan)
		str(q.Source)
		span(q.SourceSpan)
		str(q.Speaker)
		str(q.Role)
	}
	return b
}

// kindCode is a kind's byte in a pack; kinds holds them back.
func kindCode(k QuoteKind) byte {
	switch k {
	case Mixed:
		return 1
	case Indirect:
		return 2
	}
	return 0
}

var kinds = [...]QuoteKind{Direct, Mixed, Indirect}

var errBadPack = errors.New("damaged quotes")

// unpackQuotes reads a pack. A damaged pack is an error, never a panic or
// a huge allocation: each quote takes at least 11 bytes, so the count is
// checked against the length first.
func unpackQuotes(p []byte) ([]Quote, error) {
	if len(p) == 0 {
		return nil, nil
	}
	if p[0] != packFormat {
		return nil, fmt.Errorf("%w: format %d", errBadPack, p[0])
	}
	r := packReader{b: p[1:]}
	n := r.uvarint()
	if r.err != nil || n > uint64(len(r.b))/11 {
		return nil, errBadPack
	}
	qs := make([]Quote, n)
	for i := range qs {
		q := &qs[i]
		q.Text = r.str()
		q.Content = r.span()
		if k := r.byte(); int(k) < len(kinds) {
			q.Kind = kinds[k]
		} else {
			r.fail()
		}
		q.Cue = r.str()
		q.CueSpan = r.span()
		q.Source = r.str()
		q.SourceSpan = r.span()
		q.Speaker = r.str()
		q.Role = r.str()
		if r.err != nil {
			return nil, r.err
		}
	}
	if len(r.b) != 0 {
		return nil, errBadPack
	}
	return qs, nil
}

// packReader reads a pack front to back; the first problem sticks in err.
type packReader struct {
	b   []byte
	err error
}

func (r *packReader) fail() {
	r.err = errBadPack
	r.b = nil
}

func (r *packReader) uvarint() uint64 {
	v, n := binary.Uvarint(r.b)
	if n <= 0 {
		r.fail()
		return 0
	}
	r.b = r.b[n:]
	return v
}

func (r *packReader) varint() int {
	v, n := binary.Varint(r.b)
	if n <= 0 || v != int64(int(v)) {
		r.fail()
		return 0
	}
	r.b = r.b[n:]
	return int(v)
}

func (r *packReader) byte() byte {
	if len(r.b) == 0 {
		r.fail()
		return 0
	}
	c := r.b[0]
	r.b = r.b[1:]
	return c
}

func (r *packReader) str() string {
	n := r.uvarint()
	if n > uint64(len(r.b)) {
		r.fail()
		return ""
	}
	s := string(r.b[:n])
	r.b = r.b[n:]
	return s
}

func (r *packReader) span() Span {
	start := r.varint()
	return Span{start, r.varint()}
}
