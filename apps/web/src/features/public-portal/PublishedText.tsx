// The text of a published 通报, always rendered as text (never as HTML): "## " / "### " / "#### "
// lines are headings, ">> " lines the signature on the right, every other line a paragraph.

const HEADING: Record<string, { size: number; weight: number; font?: string }> = {
  '## ': { size: 17, weight: 700 },
  '### ': { size: 16, weight: 600, font: 'KaiTi, STKaiti, serif' },
  '#### ': { size: 16, weight: 600 },
};

export function PublishedText({ body }: { body: string }) {
  return (
    <div className="zg-public-text" data-testid="publication-body">
      {body.split('\n').map((line, i) => {
        if (!line.trim()) return null;
        const marker = Object.keys(HEADING).find((m) => line.startsWith(m));
        if (marker) {
          const h = HEADING[marker]!;
          return (
            <p key={i} style={{ textIndent: 0, fontSize: h.size, fontWeight: h.weight, fontFamily: h.font }}>
              {line.slice(marker.length)}
            </p>
          );
        }
        if (line.startsWith('>> '))
          return (
            <p key={i} style={{ textIndent: 0, textAlign: 'right' }}>
              {line.slice(3)}
            </p>
          );
        return <p key={i}>{line}</p>;
      })}
    </div>
  );
}
