import { z } from "zod";

export const MIN_PASSWORD_LENGTH = 10;

const email = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email({ message: "Enter a valid email address." }).max(254, "That email address is too long."));

export const signUpSchema = z.object({
  name: z.string().trim().min(1, "Enter your name.").max(80, "Keep the name under 80 characters."),
  email,
  password: z
    .string()
    .min(MIN_PASSWORD_LENGTH, `Use at least ${MIN_PASSWORD_LENGTH} characters.`)
    .max(200, "Keep the password under 200 characters."),
});

export const signInSchema = z.object({
  email,
  password: z.string().min(1, "Enter your password.").max(200),
});

export type SignUpInput = z.infer<typeof signUpSchema>;
export type FieldErrors = Partial<Record<"name" | "email" | "password" | "form", string>>;
