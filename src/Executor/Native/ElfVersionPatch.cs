using System.Buffers.Binary;
using System.Text;

namespace Mosel.Executor.Native;

/// <summary>
/// Marks one required symbol version of an ELF64 shared library as weak (VER_FLG_WEAK in its
/// Elf64_Vernaux entry), so the loader accepts a system library that lacks that version. Used for the
/// single GLIBCXX_3.4.32 requirement of TorchSharp 0.107.0's LibTorchSharp on Debian 12, whose only
/// symbol of that version is referenced but never called.
/// </summary>
internal static class ElfVersionPatch
{
    private const uint ShtGnuVerneed = 0x6ffffffe;
    private const ushort VerFlagWeak = 0x2;

    /// <returns>True when the version was found (and is now weak), false when the library does not require it.</returns>
    public static bool MakeWeak(byte[] elf, string version)
    {
        if (elf.Length < 64 || elf[0] != 0x7f || elf[1] != (byte)'E' || elf[2] != (byte)'L' || elf[3] != (byte)'F')
        {
            throw new InvalidDataException("not an ELF file");
        }
        if (elf[4] != 2 || elf[5] != 1)
        {
            throw new InvalidDataException("only 64-bit little-endian ELF files are supported");
        }
        ulong sectionTable = BinaryPrimitives.ReadUInt64LittleEndian(elf.AsSpan(0x28));
        ushort entrySize = BinaryPrimitives.ReadUInt16LittleEndian(elf.AsSpan(0x3A));
        ushort count = BinaryPrimitives.ReadUInt16LittleEndian(elf.AsSpan(0x3C));
        for (int i = 0; i < count; i++)
        {
            Span<byte> section = elf.AsSpan((int)sectionTable + (i * entrySize), entrySize);
            if (BinaryPrimitives.ReadUInt32LittleEndian(section[4..]) != ShtGnuVerneed)
            {
                continue;
            }
            ulong offset = BinaryPrimitives.ReadUInt64LittleEndian(section[24..]);
            uint link = BinaryPrimitives.ReadUInt32LittleEndian(section[40..]);
            Span<byte> strings = elf.AsSpan((int)sectionTable + ((int)link * entrySize), entrySize);
            ulong stringsOffset = BinaryPrimitives.ReadUInt64LittleEndian(strings[24..]);
            return PatchVerneed(elf, (int)offset, (int)stringsOffset, version);
        }
        return false;
    }

    private static bool PatchVerneed(byte[] elf, int need, int strings, string version)
    {
        bool found = false;
        while (true)
        {
            ushort auxCount = BinaryPrimitives.ReadUInt16LittleEndian(elf.AsSpan(need + 2));
            uint auxOffset = BinaryPrimitives.ReadUInt32LittleEndian(elf.AsSpan(need + 8));
            uint nextNeed = BinaryPrimitives.ReadUInt32LittleEndian(elf.AsSpan(need + 12));
            int aux = need + (int)auxOffset;
            for (int a = 0; a < auxCount; a++)
            {
                uint name = BinaryPrimitives.ReadUInt32LittleEndian(elf.AsSpan(aux + 8));
                if (ReadString(elf, strings + (int)name) == version)
                {
                    ushort flags = BinaryPrimitives.ReadUInt16LittleEndian(elf.AsSpan(aux + 4));
                    BinaryPrimitives.WriteUInt16LittleEndian(elf.AsSpan(aux + 4), (ushort)(flags | VerFlagWeak));
                    found = true;
                }
                uint nextAux = BinaryPrimitives.ReadUInt32LittleEndian(elf.AsSpan(aux + 12));
                if (nextAux == 0)
                {
                    break;
                }
                aux += (int)nextAux;
            }
            if (nextNeed == 0)
            {
                return found;
            }
            need += (int)nextNeed;
        }
    }

    private static string ReadString(byte[] elf, int offset)
    {
        int end = Array.IndexOf(elf, (byte)0, offset);
        return Encoding.ASCII.GetString(elf, offset, end - offset);
    }
}
