import { describe, expect, it } from 'vitest';
import { embedCode } from './embedCode.ts';

describe('embed code', () => {
  it('is an iframe on the ?embed view of the link, titled with the scenario name', () => {
    expect(embedCode('https://play.example/app/', 's=1.abc_-', 'Orders API')).toBe(
      '<iframe src="https://play.example/app/?embed#s=1.abc_-" title="Orders API (serverless-playground)" width="800" height="500" style="border:0" loading="lazy"></iframe>',
    );
  });

  it('escapes a hostile scenario name, so pasting the code adds no markup of its own', () => {
    const code = embedCode('https://play.example/', 's=1.x', '"><script>alert(1)</script>&');
    expect(code).toContain('title="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;&amp; (serverless-playground)"');
    expect(code.match(/</g)).toHaveLength(2); // <iframe and </iframe> only
  });
});
