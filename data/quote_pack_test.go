package data

import (
	"reflect"
	"testing"
)

func packSample() []Quote {
	return []Quote{
		{Text: "There is no way out", Content: Span{10, 29}, Kind: Direct, Cue: "said", CueSpan: Span{31, 35},
			Source: "he", SourceSpan: Span{36, 38}, Speaker: "Moaz Alkhatib", Role: "the coalition leader"},
		{Text: "the “minimum of bloodshed”", Content: Span{40, 70}, Kind: Mixed, Cue: "according to", CueSpan: Span{0, 12},
			SourceSpan: NoSpan},
		{Text: "prices would rise", Content: Span{80, 97}, Kind: Indirect, CueSpan: NoSpan, SourceSpan: NoSpan, Speaker: "Ann Lee"},
	}
}

// TestQuotePackRoundTrip: quotes come back from their pack as they went in.
func TestQuotePackRoundTrip(t *testing.T) {
	for _, qs := range [][]Quote{packSample(), packSample()[:1], {{Content: Span{0, 0}, Kind: Direct, CueSpan: NoSpan, SourceSpan: NoSpan}}} {
		got, err := unpackQuotes(packQuotes(nil, qs))
		if err != nil || !reflect.DeepEqual(got, qs) {
			t.Errorf("round trip = %+v, %v; want %+v", got, err, qs)
		}
	}
}

// TestDamagedPackIsAnError: a pack cut short anywhere, of another format,
// with bytes left over or a count it cannot hold, is an error, never a
// panic or a huge allocation.
func TestDamagedPackIsAnError(t *testing.T) {
	good := packQuotes(nil, packSample())
	for n := 1; n < len(good); n++ {
		if qs, err := unpackQuotes(good[:n]); err == nil {
			t.Errorf("pack cut to %d of %d bytes read as %d quotes", n, len(good), len(qs))
		}
	}
	for name, p := range map[string][]byte{
		"another format":  append([]byte{9}, good[1:]...),
		"bytes left over": append(append([]byte{}, good...), 0),
		"a huge count":    {packFormat, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f},
		"an unknown kind": packQuotes(nil, []Quote{{Kind: "shouted", CueSpan: NoSpan, SourceSpan: NoSpan}}),
	} {
		if name == "an unknown kind" {
			p[5] = 7 // the kind's byte: format, count, empty text, span 0 0
		}
		if _, err := unpackQuotes(p); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}

// FuzzUnpackQuotes: any bytes unpack to quotes or an error, and quotes that
// unpack pack again to the same quotes.
func FuzzUnpackQuotes(f *testing.F) {
	f.Add(packQuotes(nil, packSample()))
	f.Add([]byte{packFormat, 0})
	f.Add([]byte{packFormat, 1, 0, 0, 0, 2, 0, 1, 1, 0, 1, 1, 0, 0})
	f.Fuzz(func(t *testing.T, p []byte) {
		qs, err := unpackQuotes(p)
		if err != nil {
			return
		}
		again, err := unpackQuotes(packQuotes(nil, qs))
		if err != nil || len(again) != len(qs) || len(qs) > 0 && !reflect.DeepEqual(again, qs) {
			t.Errorf("repacked %+v as %+v, %v", qs, again, err)
		}
	})
}
