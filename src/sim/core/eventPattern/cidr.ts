import ipaddr from 'ipaddr.js';

/**
 * The cidr operator: an IPv4 or IPv6 network in CIDR notation (a bare address is its own /32 or /128). Event
 * values are matched when they are addresses of the same family inside the network; strings that are not
 * addresses never match. Only dotted four-part decimal IPv4 is accepted, as AWS writes addresses.
 */
export interface CidrRange {
  readonly network: ipaddr.IPv4 | ipaddr.IPv6;
  readonly bits: number;
}

function parseAddress(s: string): ipaddr.IPv4 | ipaddr.IPv6 | null {
  if (ipaddr.IPv4.isValidFourPartDecimal(s)) return ipaddr.IPv4.parse(s);
  if (s.includes(':') && ipaddr.IPv6.isValid(s)) return ipaddr.IPv6.parse(s);
  return null;
}

/** Parses a network; returns the problem as a sentence fragment when it is invalid. */
export function compileCidr(text: string): CidrRange | string {
  const slash = text.indexOf('/');
  const address = parseAddress(slash < 0 ? text : text.slice(0, slash));
  if (address === null) return `"${text}" is not an IPv4 or IPv6 network such as "10.0.0.0/24" or "2001:db8::/32"`;
  const max = address.kind() === 'ipv4' ? 32 : 128;
  if (slash < 0) return { network: address, bits: max };
  const lengthText = text.slice(slash + 1);
  const bits = /^\d{1,3}$/.test(lengthText) ? Number(lengthText) : NaN;
  if (!(bits >= 0 && bits <= max)) return `the prefix length of "${text}" must be 0..${max}`;
  return { network: address, bits };
}

export function matchesCidr(range: CidrRange, s: string): boolean {
  const address = parseAddress(s);
  if (address === null || address.kind() !== range.network.kind()) return false;
  return address.match(range.network, range.bits);
}
