/** A small seeded random generator (mulberry32), so the demo and the benchmark are the same every time. */
export function seededRandom(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)],
    chance: (p: number) => next() < p,
    sample: <T>(items: readonly T[], n: number): T[] => {
      const copy = [...items];
      for (let i = copy.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [copy[i], copy[j]] = [copy[j], copy[i]];
      }
      return copy.slice(0, n);
    },
  };
}

export type Random = ReturnType<typeof seededRandom>;

const FAMILY = [
  "Nguyễn",
  "Trần",
  "Lê",
  "Phạm",
  "Huỳnh",
  "Hoàng",
  "Võ",
  "Phan",
  "Trương",
  "Bùi",
  "Đặng",
  "Đỗ",
  "Ngô",
  "Hồ",
  "Dương",
  "Lý",
  "Đinh",
  "Lâm",
  "Mai",
  "Tạ",
];
const MIDDLE_F = ["Thị", "Ngọc", "Thị Thu", "Thị Ngọc", "Bảo", "Thanh", "Kim", "Mỹ", "Hoàng", "Minh"];
const MIDDLE_M = ["Văn", "Minh", "Quốc", "Hoàng", "Thanh", "Gia", "Đức", "Hữu", "Tuấn", "Công"];
const GIVEN_F = [
  "An",
  "Anh",
  "Châu",
  "Diệp",
  "Dung",
  "Hà",
  "Hân",
  "Hằng",
  "Hoa",
  "Hương",
  "Lan",
  "Linh",
  "Mai",
  "My",
  "Ngân",
  "Nhi",
  "Như",
  "Oanh",
  "Phương",
  "Quyên",
  "Thảo",
  "Trang",
  "Trâm",
  "Tuyết",
  "Uyên",
  "Vy",
  "Xuân",
  "Yến",
];
const GIVEN_M = [
  "An",
  "Bảo",
  "Bình",
  "Cường",
  "Dũng",
  "Duy",
  "Đạt",
  "Hải",
  "Hiếu",
  "Huy",
  "Khang",
  "Khoa",
  "Kiệt",
  "Long",
  "Lộc",
  "Minh",
  "Nam",
  "Nghĩa",
  "Nhân",
  "Phát",
  "Phúc",
  "Quân",
  "Sơn",
  "Tài",
  "Thắng",
  "Thịnh",
  "Trí",
  "Trung",
  "Tuấn",
  "Vinh",
];

export function vietnameseName(r: Random): string {
  const female = r.chance(0.5);
  return `${r.pick(FAMILY)} ${r.pick(female ? MIDDLE_F : MIDDLE_M)} ${r.pick(female ? GIVEN_F : GIVEN_M)}`;
}
