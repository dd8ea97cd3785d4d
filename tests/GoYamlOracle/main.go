// Command go-yaml-oracle decodes YAML streams with gopkg.in/yaml.v3, the parser family of Kubernetes tooling, and
// prints for each one whether Go accepts it and, if so, the node tree it read: the oracle of ManifestLint's
// differential parser tests (tests/ManifestLint.Tests/Reliability/Differential).
//
// Input on stdin: any number of cases, each "<byte count>\n" followed by that many bytes.
// Output on stdout: one JSON line per case, in order:
//
//	{"ok":true,"docs":[<node>|null,...]}   or   {"ok":false,"err":"..."}
//
// A node is {"s":value,"p":plain,"l":line,"c":column} for a scalar (plain: written without quotes, block style or
// tag), {"q":[node...],"l":..,"c":..} for a sequence, {"m":[[key,value]...],"l":..,"c":..} for a mapping. Aliases are
// written as the node they refer to, and merge keys (<<) are applied the way yaml.v3 decodes them: explicit keys win,
// then earlier merged mappings over later ones. A stream is accepted when every document decodes, into a yaml.Node and
// from there into interface{} (which adds yaml.v3's duplicate-key and tagged-value checks).
//
// Build offline: GO111MODULE=off GOPATH=/usr/share/gocode go build -o go-yaml-oracle .
package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"
)

type result struct {
	Ok   bool          `json:"ok"`
	Err  string        `json:"err,omitempty"`
	Docs []interface{} `json:"docs,omitempty"`
}

func main() {
	in := bufio.NewReaderSize(os.Stdin, 1<<16)
	out := bufio.NewWriter(os.Stdout)
	defer out.Flush()
	encoder := json.NewEncoder(out)
	encoder.SetEscapeHTML(false)
	for {
		header, err := in.ReadString('\n')
		if err == io.EOF && header == "" {
			return
		}
		if err != nil {
			fail(err)
		}
		size, err := strconv.Atoi(strings.TrimSpace(header))
		if err != nil || size < 0 {
			fail(fmt.Errorf("bad case header %q", header))
		}
		data := make([]byte, size)
		if _, err := io.ReadFull(in, data); err != nil {
			fail(err)
		}
		if err := encoder.Encode(decode(data)); err != nil {
			fail(err)
		}
		out.Flush()
	}
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "go-yaml-oracle:", err)
	os.Exit(2)
}

func decode(data []byte) (r result) {
	defer func() {
		if p := recover(); p != nil {
			r = result{Ok: false, Err: fmt.Sprint("panic: ", p)}
		}
	}()
	decoder := yaml.NewDecoder(bytes.NewReader(data))
	docs := []interface{}{}
	for {
		var node yaml.Node
		err := decoder.Decode(&node)
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return result{Ok: false, Err: err.Error()}
		}
		var value interface{}
		if err := node.Decode(&value); err != nil {
			return result{Ok: false, Err: err.Error()}
		}
		if node.Kind == yaml.DocumentNode && len(node.Content) == 1 {
			docs = append(docs, tree(node.Content[0], 0))
		} else {
			docs = append(docs, nil)
		}
	}
	return result{Ok: true, Docs: docs}
}

const maxDepth = 200

func tree(n *yaml.Node, depth int) interface{} {
	if depth > maxDepth {
		panic("too deep")
	}
	for n.Kind == yaml.AliasNode {
		n = n.Alias
	}
	switch n.Kind {
	case yaml.ScalarNode:
		plain := n.Style&(yaml.SingleQuotedStyle|yaml.DoubleQuotedStyle|yaml.LiteralStyle|yaml.FoldedStyle|yaml.TaggedStyle) == 0
		return map[string]interface{}{"s": n.Value, "p": plain, "l": n.Line, "c": n.Column}
	case yaml.SequenceNode:
		items := []interface{}{}
		for _, item := range n.Content {
			items = append(items, tree(item, depth+1))
		}
		return map[string]interface{}{"q": items, "l": n.Line, "c": n.Column}
	case yaml.MappingNode:
		entries := [][2]interface{}{}
		for _, pair := range merged(n, depth) {
			entries = append(entries, [2]interface{}{tree(pair[0], depth+1), tree(pair[1], depth+1)})
		}
		return map[string]interface{}{"m": entries, "l": n.Line, "c": n.Column}
	}
	panic(fmt.Sprintf("unexpected node kind %d", n.Kind))
}

// merged lists a mapping's entries after merge keys: explicit entries, then those of each merged mapping whose key
// is not yet present (yaml.v3's decoder reads the last merge key only; a second one is a duplicate key it rejects).
func merged(n *yaml.Node, depth int) [][2]*yaml.Node {
	var result [][2]*yaml.Node
	var merge *yaml.Node
	seen := map[string]bool{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if isMerge(n.Content[i]) {
			merge = n.Content[i+1]
			continue
		}
		result = append(result, [2]*yaml.Node{n.Content[i], n.Content[i+1]})
		seen[keyText(n.Content[i], depth)] = true
	}
	if merge == nil {
		return result
	}
	for merge.Kind == yaml.AliasNode {
		merge = merge.Alias
	}
	var sources []*yaml.Node
	if merge.Kind == yaml.SequenceNode {
		sources = merge.Content
	} else {
		sources = []*yaml.Node{merge}
	}
	for _, source := range sources {
		for source.Kind == yaml.AliasNode {
			source = source.Alias
		}
		for _, pair := range merged(source, depth+1) {
			if key := keyText(pair[0], depth); !seen[key] {
				seen[key] = true
				result = append(result, pair)
			}
		}
	}
	return result
}

func isMerge(n *yaml.Node) bool {
	return n.Kind == yaml.ScalarNode && n.Value == "<<" && (n.Tag == "" || n.Tag == "!" || n.Tag == "!!merge" || n.Tag == "tag:yaml.org,2002:merge")
}

func keyText(n *yaml.Node, depth int) string {
	text, _ := json.Marshal(valueOnly(tree(n, depth+1)))
	return string(text)
}

func valueOnly(v interface{}) interface{} {
	switch t := v.(type) {
	case map[string]interface{}:
		if s, ok := t["s"]; ok {
			return s
		}
		if q, ok := t["q"]; ok {
			items := []interface{}{}
			for _, item := range q.([]interface{}) {
				items = append(items, valueOnly(item))
			}
			return items
		}
		entries := [][2]interface{}{}
		for _, pair := range t["m"].([][2]interface{}) {
			entries = append(entries, [2]interface{}{valueOnly(pair[0]), valueOnly(pair[1])})
		}
		return entries
	}
	return v
}
