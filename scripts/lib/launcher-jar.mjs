// Writes a minimal jar (a stored, uncompressed zip holding only META-INF/MANIFEST.MF) so that
// setting up the emulators needs no JDK `jar` tool, only a JRE.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { crc32 } from 'node:zlib';

/** Manifest lines are limited to 72 bytes; longer values continue on lines starting with a space. */
export function manifestText(attributes) {
  const lines = [];
  for (const [key, value] of Object.entries(attributes)) {
    let rest = `${key}: ${value}`;
    let first = true;
    while (rest.length > 0) {
      const width = first ? 72 : 71;
      lines.push((first ? '' : ' ') + rest.slice(0, width));
      rest = rest.slice(width);
      first = false;
    }
  }
  return lines.join('\r\n') + '\r\n\r\n';
}

export function zipSingleFile(name, content) {
  const nameBuf = Buffer.from(name, 'utf8');
  const crc = crc32(content);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4); // version needed
  local.writeUInt16LE(0, 6); // flags
  local.writeUInt16LE(0, 8); // stored
  local.writeUInt32LE(0, 10); // time/date
  local.writeUInt32LE(crc, 14);
  local.writeUInt32LE(content.length, 18);
  local.writeUInt32LE(content.length, 22);
  local.writeUInt16LE(nameBuf.length, 26);
  local.writeUInt16LE(0, 28);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(0, 8);
  central.writeUInt16LE(0, 10);
  central.writeUInt32LE(0, 12);
  central.writeUInt32LE(crc, 16);
  central.writeUInt32LE(content.length, 20);
  central.writeUInt32LE(content.length, 24);
  central.writeUInt16LE(nameBuf.length, 28);
  central.writeUInt32LE(0, 30); // extra + comment length
  central.writeUInt32LE(0, 34); // disk + internal attrs
  central.writeUInt32LE(0, 38); // external attrs
  central.writeUInt32LE(0, 42); // offset of local header
  const centralOffset = local.length + nameBuf.length + content.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + nameBuf.length, 12);
  end.writeUInt32LE(centralOffset, 16);
  return Buffer.concat([local, nameBuf, content, central, nameBuf, end]);
}

export function writeLauncherJar(path, { mainClass, classPath }) {
  const manifest = manifestText({
    'Manifest-Version': '1.0',
    'Main-Class': mainClass,
    // Class-Path holds URLs: an absolute path resolves to a file: URL; spaces must be escaped.
    'Class-Path': classPath.replaceAll(' ', '%20'),
  });
  const jar = zipSingleFile('META-INF/MANIFEST.MF', Buffer.from(manifest, 'utf8'));
  if (existsSync(path) && readFileSync(path).equals(jar)) return false;
  writeFileSync(path, jar);
  return true;
}
