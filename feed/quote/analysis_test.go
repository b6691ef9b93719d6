package quote

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"byline/data"
)

// TestQuoteFeatures writes one line per double quotation: features and gold.
func TestQuoteFeatures(t *testing.T) {
	out := os.Getenv("QUOTE_FEATURES")
	if out == "" {
		t.Skip()
	}
	root := filepath.Join(sharedCorpus(t), "polnear", "train")
	texts, _ := filepath.Glob(filepath.Join(root, "text", "*.txt"))
	f, _ := os.Create(out)
	defer f.Close()
	w := bufio.NewWriter(f)
	defer w.Flush()
	for _, path := range texts {
		name := strings.TrimSuffix(filepath.Base(path), ".txt")
		anns, _ := filepath.Glob(filepath.Join(root, "attributions", name+"_*.ann"))
		if len(anns) == 0 {
			continue
		}
		sort.Strings(anns)
		b, _ := os.ReadFile(path)
		text := string(b)
		gold, _ := readGold(anns[0], text)
		qs := Extract(text)
		d := &doc{text: text, last: -1}
		d.paras = splitParagraphs(text, nil)
		d.scanQuotes()
		qi := 0
		for pi, p := range d.paras {
			ts := len(d.toks)
			d.toks, qi = tokenize(text, p.s, p.e, d.quotes, qi, d.toks)
			d.units = splitUnits(text, d.toks, d.quotes, ts, len(d.toks), pi, d.units)
		}
		markCues(text, d.toks)
		tokOf := map[int]int{}
		for i, tk := range d.toks {
			if tk.kind == tQuote {
				tokOf[int(tk.q)] = i
			}
		}
		unitOf := make([]int, len(d.toks))
		for ui, u := range d.units {
			for i := u.ts; i < u.te; i++ {
				unitOf[i] = ui
			}
		}
		for k, q := range d.quotes {
			if q.single {
				continue
			}
			ti, ok := tokOf[k]
			if !ok {
				continue
			}
			c := trimSpan(text, data.Span{Start: q.inner, End: q.innerEnd})
			if c.End <= c.Start {
				continue
			}
			cr := ranges{c}
			gd, ga := 0, 0
			for _, g := range gold {
				ov := overlap(cr, g.content)
				if ov >= 0.8 {
					ga = 1
					if g.direct {
						gd = 1
					}
				}
			}
			// contained in a gold content (mixed)
			inGold := 0
			for _, g := range gold {
				if intersect(cr, g.content) >= c.End-c.Start && !g.direct {
					inGold = 1
				}
			}
			pk := "-"
			for _, p := range qs {
				if p.Content.Start <= c.End && p.Content.End >= c.Start {
					pk = string(p.Kind)
					break
				}
			}
			u := d.units[unitOf[ti]]
			tokStr := func(i int) string {
				if i < u.ts || i >= u.te {
					return "|"
				}
				tk := d.toks[i]
				if tk.kind == tQuote {
					return "Q"
				}
				return strings.ToLower(text[tk.s:tk.e])
			}
			words := strings.Count(text[c.Start:c.End], " ") + 1
			unitWords := 0
			for i := u.ts; i < u.te; i++ {
				if d.toks[i].kind == tWord {
					unitWords++
				}
			}
			cueIn := 0
			for i := u.ts; i < u.te; i++ {
				if d.toks[i].flags&(fCue|fTrailingCue) != 0 {
					cueIn = 1
				}
			}
			ctx := text[max(0, q.open-120):q.open] + "[[" + text[q.open:min(q.close, q.open+150)] + "]]" + text[q.close:min(len(text), q.close+80)]
			ctx = strings.ReplaceAll(ctx, "\n", "|")
			ctx = strings.ReplaceAll(ctx, "\t", " ")
			fmt.Fprintf(w, "%d\t%d\t%d\t%s\t%d\t%s\t%s\t%s\t%s\t%s\t%d\t%d\t%d\t%s\t%s\n", gd, ga, inGold, pk, words,
				tokStr(ti-3), tokStr(ti-2), tokStr(ti-1), tokStr(ti+1), tokStr(ti+2), ti-u.ts, u.te-ti-1, cueIn, name, ctx)
			_ = unitWords
		}
	}
}
