package fetch

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"io"
	"slices"
	"time"

	"byline/feed"
)

// capDocument cuts a feed document with more than maxItems items down to
// its maxItems newest (undated items count as oldest), before the feed
// parser sees it: parsing a 100,000-item feed whole costs seconds and
// memory for items that would be dropped. It returns the document to parse
// and how many items the original held (-1 when it could not tell: the
// document is then returned as it was, and the parser's result is capped).
func capDocument(body []byte, maxItems int) ([]byte, int) {
	trimmed := bytes.TrimLeft(body, " \t\r\n\ufeff")
	if len(trimmed) > 0 && trimmed[0] == '{' {
		return capJSON(trimmed, maxItems)
	}
	spans := xmlItemSpans(body)
	if spans == nil {
		return body, -1
	}
	if len(spans) <= maxItems {
		return body, len(spans)
	}
	dates := make([]time.Time, len(spans))
	for i, s := range spans {
		dates[i] = xmlItemDate(body[s[0]:s[1]])
	}
	keep := newest(dates, maxItems)
	var out bytes.Buffer
	out.Write(body[:spans[0][0]])
	for _, i := range keep {
		out.Write(body[spans[i][0]:spans[i][1]])
		out.WriteByte('\n')
	}
	out.Write(body[spans[len(spans)-1][1]:])
	return out.Bytes(), len(spans)
}

// newest returns the indices of the n newest dates, in their original order.
func newest(dates []time.Time, n int) []int {
	idx := make([]int, len(dates))
	for i := range idx {
		idx[i] = i
	}
	slices.SortStableFunc(idx, func(a, b int) int { return compareNewest(dates[a], dates[b]) })
	idx = idx[:n]
	slices.Sort(idx)
	return idx
}

// compareNewest orders times newest first, zero times last.
func compareNewest(a, b time.Time) int {
	switch {
	case a.Equal(b):
		return 0
	case a.IsZero():
		return 1
	case b.IsZero():
		return -1
	}
	return b.Compare(a)
}

// xmlItemSpans returns the byte ranges of the <item> and <entry> elements,
// or nil when the document is not XML this decoder reads.
func xmlItemSpans(body []byte) [][2]int {
	dec := xml.NewDecoder(bytes.NewReader(body))
	dec.Strict = false
	dec.CharsetReader = func(_ string, r io.Reader) (io.Reader, error) { return r, nil } // only offsets matter
	spans := [][2]int{}
	for {
		start := dec.InputOffset()
		tok, err := dec.Token()
		if err == io.EOF {
			return spans
		}
		if err != nil {
			return nil
		}
		se, ok := tok.(xml.StartElement)
		if !ok || (se.Name.Local != "item" && se.Name.Local != "entry") {
			continue
		}
		if err := dec.Skip(); err != nil {
			return nil
		}
		spans = append(spans, [2]int{int(start), int(dec.InputOffset())})
	}
}

// xmlItemDate finds an item's date without parsing it whole.
func xmlItemDate(item []byte) time.Time {
	for _, tag := range []string{"pubDate", "published", "updated", "dc:date"} {
		open := []byte("<" + tag + ">")
		i := bytes.Index(item, open)
		if i < 0 {
			continue
		}
		rest := item[i+len(open):]
		if j := bytes.IndexByte(rest, '<'); j >= 0 {
			if t, err := feed.ParseDate(string(rest[:j])); err == nil {
				return t
			}
		}
	}
	return time.Time{}
}

func capJSON(body []byte, maxItems int) ([]byte, int) {
	var doc map[string]json.RawMessage
	var items []json.RawMessage
	if json.Unmarshal(body, &doc) != nil || json.Unmarshal(doc["items"], &items) != nil {
		return body, -1
	}
	if len(items) <= maxItems {
		return body, len(items)
	}
	dates := make([]time.Time, len(items))
	for i, raw := range items {
		var it struct {
			Published string `json:"date_published"`
			Modified  string `json:"date_modified"`
		}
		if json.Unmarshal(raw, &it) == nil {
			for _, s := range []string{it.Published, it.Modified} {
				if t, err := feed.ParseDate(s); err == nil {
					dates[i] = t
					break
				}
			}
		}
	}
	keep := newest(dates, maxItems)
	kept := make([]json.RawMessage, len(keep))
	for j, i := range keep {
		kept[j] = items[i]
	}
	doc["items"], _ = json.Marshal(kept)
	out, err := json.Marshal(doc)
	if err != nil {
		return body, -1
	}
	return out, len(items)
}
