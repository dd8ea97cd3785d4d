// Go decode floor (issue 12): what kube-linter, kube-score and Polaris pay before any check. Each *.yaml, *.yml and
// *.json file under the arguments is split into documents on "---" lines (as apimachinery's YAMLReader does), and each
// document goes through sigs.k8s.io/yaml's YAMLToJSON, then encoding/json into a map. Prints files, documents, bytes.
// Build offline from Debian's golang-go and golang-k8s-sigs-yaml-dev:
//   GO111MODULE=off GOPATH=/usr/share/gocode go build -o gofloor main.go
package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"sigs.k8s.io/yaml"
)

func main() {
	files, documents, size, failed := 0, 0, 0, 0
	for _, root := range os.Args[1:] {
		filepath.WalkDir(root, func(path string, entry fs.DirEntry, err error) error {
			ext := strings.ToLower(filepath.Ext(path))
			if err != nil || entry.IsDir() || (ext != ".yaml" && ext != ".yml" && ext != ".json") {
				return err
			}
			content, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			files, size = files+1, size+len(content)
			for _, document := range bytes.Split(content, []byte("\n---")) {
				data, err := yaml.YAMLToJSON(document)
				var object map[string]interface{}
				if err == nil {
					err = json.Unmarshal(data, &object)
				}
				if err != nil {
					failed++
				} else if object != nil {
					documents++
				}
			}
			return nil
		})
	}
	fmt.Printf("go floor: %d files, %d documents, %d bytes, %d failed\n", files, documents, size, failed)
}
