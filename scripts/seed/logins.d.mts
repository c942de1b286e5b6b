export interface DemoLogin {
  role: string;
  email: string;
  password: string;
  name: string;
  networks: string[];
  admin: boolean;
}
export declare const DEMO_LOGINS: DemoLogin[];
