package quote

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"byline/data"
)

// sharedCorpus finds ../shared/corpus walking up from the package directory.
func sharedCorpus(tb testing.TB) string {
	tb.Helper()
	dir, err := os.Getwd()
	if err != nil {
		tb.Fatal(err)
	}
	for {
		p := filepath.Join(dir, "shared", "corpus")
		if fi, err := os.Stat(p); err == nil && fi.IsDir() {
			return p
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			tb.Skip("shared/corpus not found above the package directory: research corpora absent, skipping")
		}
		dir = parent
	}
}

// span list: a content, possibly discontinuous, as byte ranges.
type ranges []data.Span

func (r ranges) size() int {
	n := 0
	for _, s := range r {
		n += s.End - s.Start
	}
	return n
}

// normalise sorts and merges overlapping ranges.
func (r ranges) normalise() ranges {
	sort.Slice(r, func(i, j int) bool { return r[i].Start < r[j].Start })
	var out ranges
	for _, s := range r {
		if s.End <= s.Start {
			continue
		}
		if n := len(out); n > 0 && s.Start <= out[n-1].End {
			if s.End > out[n-1].End {
				out[n-1].End = s.End
			}
			continue
		}
		out = append(out, s)
	}
	return out
}

func intersect(a, b ranges) int {
	n := 0
	for _, x := range a {
		for _, y := range b {
			lo, hi := max(x.Start, y.Start), min(x.End, y.End)
			if hi > lo {
				n += hi - lo
			}
		}
	}
	return n
}

// overlap is |a ∩ b| / |a ∪ b| of normalised ranges.
func overlap(a, b ranges) float64 {
	in := intersect(a, b)
	un := a.size() + b.size() - in
	if un <= 0 {
		return 0
	}
	return float64(in) / float64(un)
}

func isTrimRune(r rune) bool { return unicode.IsSpace(r) || unicode.IsPunct(r) || unicode.IsSymbol(r) }

// trimSpan trims quote marks, spaces and punctuation at both ends.
func trimSpan(text string, s data.Span) data.Span {
	for s.Start < s.End {
		r, w := utf8.DecodeRuneInString(text[s.Start:s.End])
		if !isTrimRune(r) {
			break
		}
		s.Start += w
	}
	for s.End > s.Start {
		r, w := utf8.DecodeLastRuneInString(text[s.Start:s.End])
		if !isTrimRune(r) {
			break
		}
		s.End -= w
	}
	return s
}

type goldAtt struct {
	content ranges
	source  ranges
	cue     string
	text    string
	direct  bool
	speech  bool
}

// speechLemmas are the verbs of saying that make a gold attribution speech.
var speechLemmas = map[string]bool{
	"say": true, "tell": true, "add": true, "according": true, "write": true, "ask": true, "note": true, "report": true,
	"announce": true, "argue": true, "tweet": true, "explain": true, "declare": true, "state": true, "claim": true,
	"insist": true, "warn": true, "reply": true, "respond": true, "comment": true, "acknowledge": true, "admit": true,
	"suggest": true, "confirm": true, "deny": true, "quote": true, "speak": true, "testify": true, "remark": true,
	"predict": true, "promise": true, "vow": true, "pledge": true, "urge": true, "contend": true, "assert": true,
	"stress": true, "emphasize": true, "emphasise": true, "quip": true, "joke": true, "concede": true, "complain": true,
	"boast": true, "shout": true, "yell": true, "proclaim": true, "recall": true, "continue": true, "post": true,
	"charge": true, "allege": true, "retort": true, "counter": true, "mention": true, "describe": true, "accuse": true,
	"call": true, "tout": true, "point": true, "repeat": true, "reiterate": true, "answer": true, "observe": true,
}

// lemma reduces a cue word to its verb: says/said/saying -> say, told -> tell.
func lemma(w string) string {
	w = strings.ToLower(strings.Trim(w, ".,;:’'\""))
	irregular := map[string]string{"said": "say", "says": "say", "told": "tell", "wrote": "write", "written": "write", "spoke": "speak", "spoken": "speak", "denied": "deny", "denies": "deny", "replied": "reply", "replies": "reply", "testified": "testify", "according": "according", "quipped": "quip", "admitted": "admit", "admits": "admit"}
	if l, ok := irregular[w]; ok {
		return l
	}
	for _, suf := range []string{"ing", "ed", "es", "s", "d"} {
		if strings.HasSuffix(w, suf) && len(w) > len(suf)+2 {
			base := w[:len(w)-len(suf)]
			if speechLemmas[base] {
				return base
			}
			if speechLemmas[base+"e"] {
				return base + "e"
			}
		}
	}
	return w
}

func isSpeechCue(cue string) bool {
	for _, w := range strings.Fields(cue) {
		if speechLemmas[lemma(w)] {
			return true
		}
	}
	return false
}

func hasQuoteMark(s string) bool { return strings.ContainsAny(s, "\"“”«»") }

// readGold parses a brat standoff file into attributions (byte offsets).
func readGold(path, text string) ([]goldAtt, error) {
	// code point -> byte offset
	cp := make([]int, 0, len(text)+1)
	for i := range text {
		cp = append(cp, i)
	}
	cp = append(cp, len(text))
	toBytes := func(n int) int {
		if n < 0 {
			return 0
		}
		if n >= len(cp) {
			return len(text)
		}
		return cp[n]
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	spans := map[string]ranges{}
	var events [][]string
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<22)
	for sc.Scan() {
		fields := strings.Split(sc.Text(), "\t")
		if len(fields) < 2 {
			continue
		}
		switch {
		case strings.HasPrefix(fields[0], "T"):
			head := strings.SplitN(fields[1], " ", 2)
			if len(head) < 2 {
				continue
			}
			var rs ranges
			for _, part := range strings.Split(head[1], ";") {
				se := strings.Fields(part)
				if len(se) != 2 {
					continue
				}
				s, err1 := strconv.Atoi(se[0])
				e, err2 := strconv.Atoi(se[1])
				if err1 != nil || err2 != nil {
					continue
				}
				rs = append(rs, data.Span{Start: toBytes(s), End: toBytes(e)})
			}
			spans[fields[0]] = rs
		case strings.HasPrefix(fields[0], "E"):
			events = append(events, strings.Fields(fields[1]))
		}
	}
	var out []goldAtt
	for _, ev := range events {
		var g goldAtt
		for _, arg := range ev {
			role, id, ok := strings.Cut(arg, ":")
			if !ok {
				continue
			}
			rs := spans[id]
			if role == "Content2" && os.Getenv("QUOTE_EVAL_CONTENT2") != "" {
				role = "Content" // the annotators' second half of a split quotation
			}
			switch role {
			case "Content":
				for _, r := range rs {
					if t := trimSpan(text, r); t.End > t.Start {
						g.content = append(g.content, t)
					}
				}
			case "Source":
				g.source = append(g.source, rs...)
			case "Cue":
				for _, r := range rs {
					g.cue += " " + text[r.Start:r.End]
				}
			}
		}
		if len(g.content) == 0 {
			continue
		}
		g.content = g.content.normalise()
		var raw strings.Builder
		for _, id := range ev {
			if role, tid, _ := strings.Cut(id, ":"); role == "Content" {
				for _, r := range spans[tid] {
					raw.WriteString(text[r.Start:r.End])
				}
			}
		}
		g.text = raw.String()
		first := strings.TrimLeftFunc(g.text, unicode.IsSpace)
		r, _ := utf8.DecodeRuneInString(first)
		g.direct = r == '"' || r == '“' || r == '”' || r == '«'
		g.speech = hasQuoteMark(g.text) || isSpeechCue(g.cue)
		out = append(out, g)
	}
	return out, nil
}

type predAtt struct {
	content ranges
	source  ranges
	direct  bool
	text    string
}

// groupPredictions joins the two halves of a quote around its cue and a
// following cue-less quote of the same speaker into one predicted content
// (the union of their ranges).
func groupPredictions(text string, qs []data.Quote) []predAtt {
	var out []predAtt
	var prev *data.Quote
	for i := range qs {
		q := &qs[i]
		c := trimSpan(text, q.Content)
		join := prev != nil && len(out) > 0 && (q.CueSpan.Valid() && q.CueSpan == prev.CueSpan && q.Speaker == prev.Speaker ||
			!q.CueSpan.Valid() && (q.Speaker != "" && q.Speaker == prev.Speaker || q.SourceSpan.Valid() && q.SourceSpan == prev.SourceSpan))
		if join {
			p := &out[len(out)-1]
			p.content = append(p.content, c).normalise()
			p.direct = p.direct && q.Kind == data.Direct
			p.text += " | " + q.Text
		} else {
			p := predAtt{content: ranges{c}, direct: q.Kind == data.Direct, text: q.Text}
			if q.SourceSpan.Valid() {
				p.source = ranges{q.SourceSpan}
			}
			out = append(out, p)
		}
		prev = q
	}
	return out
}

type prf struct{ tp, np, found, ng int }

func (s prf) String() string {
	p := float64(s.tp) / float64(max(s.np, 1))
	r := float64(s.found) / float64(max(s.ng, 1))
	f := 0.0
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return fmt.Sprintf("P=%.3f (%d/%d) R=%.3f (%d/%d) F1=%.3f", p, s.tp, s.np, r, s.found, s.ng, f)
}

// TestPolNeAR scores Extract against the PolNeAR train annotations.
// Set QUOTE_EVAL_DUMP=file to write the misses for inspection, and
// QUOTE_EVAL_CONTENT2=1 to read a gold attribution's Content2 (the second
// half of a quotation split by its cue, 64 in train) as part of its
// content: the scoring names Content only, so the figures kept
// leave it out.
func TestPolNeAR(t *testing.T) {
	root := filepath.Join(sharedCorpus(t), "polnear", "train")
	texts, _ := filepath.Glob(filepath.Join(root, "text", "*.txt"))
	if len(texts) == 0 {
		t.Skip("no PolNeAR texts under " + root)
	}
	var dump *bufio.Writer
	if p := os.Getenv("QUOTE_EVAL_DUMP"); p != "" {
		f, err := os.Create(p)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		dump = bufio.NewWriter(f)
		defer dump.Flush()
	}
	var direct, speech prf
	srcAgree, srcTotal := 0, 0
	for _, path := range texts {
		name := strings.TrimSuffix(filepath.Base(path), ".txt")
		anns, _ := filepath.Glob(filepath.Join(root, "attributions", name+"_*.ann"))
		if len(anns) == 0 {
			continue
		}
		sort.Strings(anns)
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		text := string(b)
		gold, err := readGold(anns[0], text)
		if err != nil {
			t.Fatal(err)
		}
		pred := groupPredictions(text, Extract(text))
		// (a) direct quotes, 80% overlap
		for _, p := range pred {
			if !p.direct {
				continue
			}
			direct.np++
			ok := false
			for _, g := range gold {
				if overlap(p.content, g.content) >= 0.8 {
					ok = true
					break
				}
			}
			if ok {
				direct.tp++
			} else if dump != nil {
				best, bestOv := "", 0.0
				for _, g := range gold {
					if ov := overlap(p.content, g.content); ov > bestOv {
						best, bestOv = fmt.Sprintf("direct=%v cue=%q %q", g.direct, g.cue, g.text), ov
					}
				}
				fmt.Fprintf(dump, "DIRECT-FP %s\n\t%q\n\tBEST %.2f %s\n", name, p.text, bestOv, best)
			}
		}
		for _, g := range gold {
			if !g.direct {
				continue
			}
			direct.ng++
			ok := false
			for _, p := range pred {
				if p.direct && overlap(p.content, g.content) >= 0.8 {
					ok = true
					break
				}
			}
			if ok {
				direct.found++
			} else if dump != nil {
				best, bestOv := "", 0.0
				for _, p := range pred {
					if ov := overlap(p.content, g.content); ov > bestOv {
						best, bestOv = fmt.Sprintf("%v %q", p.direct, p.text), ov
					}
				}
				fmt.Fprintf(dump, "DIRECT-FN %s cue=%q\n\t%q\n\tCTX %q\n\tBEST %.2f %s\n", name, g.cue, g.text, context(text, g.content), bestOv, best)
			}
		}
		// (b) speech attributions, 30% overlap; (c) sources
		for _, p := range pred {
			speech.np++
			ok := false
			for _, g := range gold {
				if overlap(p.content, g.content) >= 0.3 {
					ok = true
					break
				}
			}
			if ok {
				speech.tp++
			} else if dump != nil {
				fmt.Fprintf(dump, "SPEECH-FP %s\n\t%q\n", name, p.text)
			}
		}
		for _, g := range gold {
			if !g.speech {
				continue
			}
			speech.ng++
			best, bestOv := -1, 0.0
			for i, p := range pred {
				if ov := overlap(p.content, g.content); ov >= 0.3 && ov > bestOv {
					best, bestOv = i, ov
				}
			}
			if best < 0 {
				if dump != nil {
					fmt.Fprintf(dump, "SPEECH-FN %s cue=%q\n\t%q\n\tCTX %q\n", name, g.cue, g.text, context(text, g.content))
				}
				continue
			}
			speech.found++
			if len(g.source) == 0 {
				continue
			}
			srcTotal++
			if intersect(pred[best].source, g.source) > 0 {
				srcAgree++
			} else if dump != nil {
				var ps, gs string
				for _, r := range pred[best].source {
					ps += text[r.Start:r.End]
				}
				for _, r := range g.source {
					gs += text[r.Start:r.End]
				}
				fmt.Fprintf(dump, "SOURCE-MISS %s pred=%q gold=%q\n\t%q\n", name, ps, gs, g.text)
			}
		}
	}
	t.Logf("PolNeAR train, %d articles", len(texts))
	t.Logf("(a) direct quotes:        %s", direct)
	t.Logf("(b) speech attributions:  %s", speech)
	t.Logf("(c) source agreement:     %.3f (%d/%d)", float64(srcAgree)/float64(max(srcTotal, 1)), srcAgree, srcTotal)
}

// context is the text around a content, for the miss dump.
func context(text string, r ranges) string {
	s, e := max(r[0].Start-150, 0), min(r[len(r)-1].End+80, len(text))
	for s > 0 && !utf8.RuneStart(text[s]) {
		s--
	}
	for e < len(text) && !utf8.RuneStart(text[e]) {
		e++
	}
	return text[s:r[0].Start] + "[[" + text[r[0].Start:r[len(r)-1].End] + "]]" + text[r[len(r)-1].End:e]
}
