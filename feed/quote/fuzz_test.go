package quote

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

func FuzzExtract(f *testing.F) {
	for _, s := range []string{
		`"We will win," he said. "And we will keep winning."`,
		"'We will win,' says Blair",
		`Mr Smith said the plan was "dead" and buried.`,
		`The aim is peace with the "minimum of bloodshed", Mr Jones said.Mr Jones, a cleric, spoke."It is time," he said."Go."`,
		"« Non », a dit le ministre.",
		"“Unclosed quote that runs\n\n“into a new paragraph.”",
		`"stray mark and then nothing`,
		"According to the UN, 10 people died.",
		"rock 'n' roll, Jones' car, 'Tis the '90s, don't",
		"He said:\n\n\"A.\"\n\n\"B.\"",
		"''Two apostrophes,'' said Mr. Kim.",
		"\"\"\"''''“”«»",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		qs := Extract(text)
		if !utf8.ValidString(text) {
			return // offsets are still checked below only for valid text
		}
		for _, q := range qs {
			checkInvariants(t, text, q)
		}
	})
}

func FuzzMergeSpeakers(f *testing.F) {
	f.Add("Tony Blair", "Blair", "the UN", uint8(1), uint8(1), uint8(1))
	f.Add("United Nations", "UN", "É", uint8(2), uint8(0), uint8(1))
	f.Add("Bernie Sanders", "Vermonter Bernie Sanders", "Sanders", uint8(87), uint8(1), uint8(9))
	f.Fuzz(func(t *testing.T, a, b, c string, na, nb, nc uint8) {
		names := []string{a, b, c}
		m := MergeSpeakers(names, []int{int(na), int(nb), int(nc)})
		for _, n := range names {
			if _, ok := m[n]; !ok {
				t.Fatalf("%q not in the map", n)
			}
		}
		_ = Fold(a)
	})
}

func BenchmarkExtract(b *testing.B) {
	files, _ := filepath.Glob(filepath.Join(sharedCorpus(b), "bbc", "*", "*.txt"))
	if len(files) == 0 {
		b.Skip("BBC corpus absent")
	}
	texts := make([]string, 0, len(files))
	total := 0
	for _, p := range files {
		data, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		texts = append(texts, string(data))
		total += len(data)
	}
	b.SetBytes(int64(total))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, t := range texts {
			Extract(t)
		}
	}
}

// BenchmarkExtractLongSentence runs the extractor over one sentence of n
// clauses, each naming the same speaker with a verb of saying: its time
// should grow with n, not n². (Before session 4 it grew as n²: 160 ms at
// 6,400 clauses; an article may be 8 MB.)
func BenchmarkExtractLongSentence(b *testing.B) {
	for _, n := range []int{1600, 6400} {
		for _, clause := range []string{", and Ann Lee said it was so", " and Ann Lee said it was so"} {
			text := "Tom Reed said the plan was good" + strings.Repeat(clause, n) + "."
			b.Run(fmt.Sprintf("clauses=%d/comma=%v", n, clause[0] == ','), func(b *testing.B) {
				b.SetBytes(int64(len(text)))
				for range b.N {
					Extract(text)
				}
			})
		}
	}
}

// BenchmarkExtractOneNameManyTimes: a full name once, then the surname
// with a title n times. Linking each mention to its fullest form should
// cost the same per mention at any n (it cost n per mention before session
// 4: 1.5 s at 20,000).
func BenchmarkExtractOneNameManyTimes(b *testing.B) {
	for _, n := range []int{5000, 20000} {
		text := "Ann Lee spoke. " + strings.Repeat("Ms Lee met Bob. ", n)
		b.Run(fmt.Sprintf("mentions=%d", n), func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			for range b.N {
				Extract(text)
			}
		})
	}
}

// BenchmarkExtractManyPronouns: many capitalised pairs that nothing shows to
// be people, each followed by a "he said" that must look at them: the
// article's lower-case words are gathered once, so the time grows with n,
// not n squared.
func BenchmarkExtractManyPronouns(b *testing.B) {
	for _, n := range []int{2000, 8000} {
		var sb strings.Builder
		for i := range n {
			fmt.Fprintf(&sb, "The Grand Hall%d was full, the new hall%d too. “It went well,” he said. ", i, i)
		}
		text := sb.String()
		b.Run(fmt.Sprintf("pronouns=%d", n), func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			for range b.N {
				Extract(text)
			}
		})
	}
}
