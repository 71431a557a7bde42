import vm from "node:vm";
import { beforeAll, describe, expect, it } from "vitest";
import { bundleWebGlobals, loadInVm } from "./bundle-support.ts";
import type { WebGlobals } from "./index.ts";
import { seededRandom } from "./test-support.ts";

// Tested where it really runs: bundled, in a context that has no URL of its own.
let web: WebGlobals;
beforeAll(async () => {
  web = loadInVm(new vm.Script(await bundleWebGlobals())).web;
});

const INPUTS = [
  "https://example.com",
  "HTTPS://EXAMPLE.COM:443/A/./b/../c?Q=1#F",
  "http://example.com:80/",
  "http://example.com:8080/path",
  "ws://example.com:80/",
  "wss://example.com:443/chat",
  "ftp://example.com:21/file",
  "file:///C:/Windows/../x",
  "file://host/share/file.txt",
  "file:///home/user/a b.txt",
  "http://user:p@ss@example.com/",
  "http://us er:pa ss@example.com/",
  "http://[::1]:3000/",
  "http://[2001:db8:0:0:0:0:2:1]/",
  "http://[::ffff:192.168.0.1]/",
  "http://[1:2:3:4:5:6:7:8:9]/",
  "http://192.168.0.1/",
  "http://0x7f.0.0.1/",
  "http://0177.0.0.1/",
  "http://4294967295/",
  "http://4294967296/",
  "http://1.2.3.4.5/",
  "http://127.1/",
  "http://example.com/%7Efoo/%2e%2E/bar",
  "http://example.com/a b/c\"d<e>f`g{h}",
  "http://example.com/?q=a b&c='\"<>#frag ment`",
  "http://example.com/#a b\"<>`",
  "http://exa mple.com/",
  "http://example.com:99999/",
  "http://example.com:/",
  "http:\\\\example.com\\a\\b",
  "http:example.com/relative",
  "  https://trim.me/  ",
  "https://tab\t.com/new\nline",
  "mailto:someone@example.com",
  "data:text/plain,hello world",
  "javascript:alert(1)",
  "urn:isbn:0451450523",
  "blob:https://example.com/uuid",
  "sc://ñ.example/",
  "non-special://host:99/path",
  "non-special:/path/../x",
  "http://example.com/..%2f",
  "http://a/b/c/d;p?q",
  "http://%41.com/",
  "http://a..b/",
  "http://EXAMPLE.com./",
  "http://ex%00ample.com/",
  "https://xn--mnchen-3ya.de/",
  "http://münchen.de/",
  "",
  "//no-scheme.com/x",
  "/absolute/path",
  "relative/path?x#y",
  "../../up",
  "?only=query",
  "#only-hash",
  ".",
  "http://[::1",
  "http://a:b@c:1/?#",
  "http://a/^x`{}|?^`{}|'#^`{}|",
  "data:a b #x",
  "sc:a b ?q",
  "http://[0:0:0:0:0:0:0:1]/",
  "http://[1:0:0:2:0:0:0:3]/",
  "http://[::1.2.3.4]/",
  "http://ＡＢＣ.com/",
  "http://a.b\u00adc/",
  "http://xn--/",
  "file:///C|/x/../../y",
  "file://localhost/etc",
  "http://a/b/c/./../../g",
  "HTTP://a%2Fb/",
  "http://@host/",
  "http://user@/",
  "http://a:65535/",
  "http://a:65536/",
  "foo://h/p/../../..",
  "foo:////x",
  "web+app:/a/./b",
  "http://a%25b/",
  "http://a%3Ab/",
  "http://a%7Fb/",
  "http://a%20b/",
  "http://a<b/",
  "non-special://a<b/",
  "non-special://a%3Cb/",
];

// Random URLs built from pieces that reach most parser states.
function generatedInputs(count: number): Array<[string, string | undefined]> {
  const random = seededRandom(5);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)] as T;
  const out: Array<[string, string | undefined]> = [];
  for (let i = 0; i < count; i++) {
    const scheme = pick(["http://", "https://", "HTTPS://", "ws://", "ftp://", "file://", "file:///", "foo://", "foo:", "mailto:", "", "//", "/", "\\\\", "http:", "http:/"]);
    const userinfo = pick(["", "", "u@", "u:p@", "u s:p%@", "@", ":@"]);
    const host = pick(["example.com", "EXAMPLE.com", "127.0.0.1", "0x7f.1", "[::1]", "[::ffff:1.2.3.4]", "xn--nxasmq6b", "ex ample", "ünï.de", "a..b", "", "1.2.3.4.5", "%65x.com", "99999999999"]);
    const port = pick(["", "", ":80", ":443", ":8080", ":", ":x", ":0"]);
    const path = pick(["", "/", "/a/b", "/a/../b", "/./a", "/%2e%2E/a", "/a b", "/ä", "/a\\b", "/C:/x", "/..", "/a/.", "//x", "/^`{}"]);
    const query = pick(["", "", "?", "?a=1&b=2", "?q=a b", "?q='\"", "?ü=€"]);
    const fragment = pick(["", "", "#", "#f", "#a b", "#`<>"]);
    const base = pick([undefined, undefined, "https://b.example/x/y?z#w", "file:///C:/dir/", "foo://h/a/b", "data:x"]);
    out.push([scheme + userinfo + host + port + path + query + fragment, base]);
  }
  return out;
}
const BASES = [undefined, "https://base.example/dir/file?bq#bh", "file:///home/user/", "http://[::1]:8080/a/b/c", "mailto:x@y", "not a url"];
const PARTS = ["href", "origin", "protocol", "username", "password", "host", "hostname", "port", "pathname", "search", "hash"] as const;

function describeUrl(Impl: typeof URL, input: string, base: string | undefined): unknown {
  try {
    const url = base === undefined ? new Impl(input) : new Impl(input, base);
    return Object.fromEntries(PARTS.map((part) => [part, url[part]]).concat([["params", [...url.searchParams].join("|")], ["json", url.toJSON()]]));
  } catch (error) {
    return { error: (error as Error).name, canParse: Impl.canParse(input, base) };
  }
}

describe("URL against Node's URL", () => {
  it("parses every tricky input against every base the same way", () => {
    let misses = 0;
    const report: string[] = [];
    for (const input of INPUTS) {
      for (const base of BASES) {
        const ours = describeUrl(web.URL as unknown as typeof URL, input, base);
        const node = describeUrl(URL, input, base);
        if (JSON.stringify(ours) !== JSON.stringify(node)) {
          misses++;
          report.push(`${JSON.stringify(input)} base ${JSON.stringify(base)}:\n ours ${JSON.stringify(ours)}\n node ${JSON.stringify(node)}`);
        }
      }
    }
    expect(report.join("\n")).toBe("");
    expect(misses).toBe(0);
  });

  it("parses 3000 generated URLs, absolute and relative, the same way", () => {
    const report: string[] = [];
    for (const [input, base] of generatedInputs(3000)) {
      const ours = JSON.stringify(describeUrl(web.URL as unknown as typeof URL, input, base));
      const node = JSON.stringify(describeUrl(URL, input, base));
      if (ours !== node) report.push(`${JSON.stringify(input)} base ${JSON.stringify(base)}:\n ours ${ours}\n node ${node}`);
    }
    expect(report.slice(0, 10).join("\n")).toBe("");
  });

  it("applies setters the same way", () => {
    const random = seededRandom(11);
    const parseable = INPUTS.filter((input) => URL.canParse(input));
    const values: Record<string, string[]> = {
      protocol: ["http", "https:", "ftp", "foo", "file", "ws"],
      username: ["me", "a b", "@:", ""],
      password: ["secret", "p@ss", ""],
      host: ["other.com:81", "[::2]", "x y", "h:99999", ""],
      hostname: ["a.b", "0x10.1", "", "bad host"],
      port: ["80", "8080", "abc", "99999", "", "12ab"],
      pathname: ["/x y", "a/b", "/../c", "", "%2e"],
      search: ["?a=b c", "x=1&y=2", "", "?"],
      hash: ["#top", "x y", "", "#"],
    };
    for (let i = 0; i < 300; i++) {
      const input = parseable[Math.floor(random() * parseable.length)]!;
      const steps = Array.from({ length: 3 }, () => {
        const part = Object.keys(values)[Math.floor(random() * 9)]!;
        const choices = values[part]!;
        return [part, choices[Math.floor(random() * choices.length)]!] as const;
      });
      const apply = (Impl: typeof URL) => {
        const url = new Impl(input);
        for (const [part, value] of steps) (url as unknown as Record<string, string>)[part] = value;
        return url.href;
      };
      expect(apply(web.URL as unknown as typeof URL), `${input} ${JSON.stringify(steps)}`).toBe(apply(URL));
    }
  });

  it("keeps searchParams live both ways, and URLSearchParams serializes like Node", () => {
    const url = new web.URL("https://a.com/?b=2&a=1");
    url.searchParams.append("c", "x y&z");
    url.searchParams.sort();
    expect(url.search).toBe("?a=1&b=2&c=x+y%26z");
    url.search = "?q=1";
    expect([...url.searchParams]).toEqual([["q", "1"]]);
    url.href = "https://a.com/?r=2";
    expect(url.searchParams.get("r")).toBe("2");

    const inits: unknown[] = ["?a=1&a=2&b=%20+&c", "a=%zz&%F0%9F%98%80=😀", [["x", "1"], ["y", "€"]], { k: "v", "sp ace": "&=" }, "=&=&a=b=c"];
    for (const init of inits) {
      const ours = new web.URLSearchParams(init as string);
      const node = new URLSearchParams(init as string);
      expect([ours.toString(), [...ours], ours.size, ours.has("a"), ours.getAll("a")]).toEqual([node.toString(), [...node], node.size, node.has("a"), node.getAll("a")]);
      ours.delete("a");
      node.delete("a");
      ours.set("z", "~!'()*");
      node.set("z", "~!'()*");
      expect(ours.toString()).toBe(node.toString());
    }
    expect(web.URL.canParse("/x", "https://a.com")).toBe(true);
    expect(web.URL.canParse("/x")).toBe(false);
  });
});
